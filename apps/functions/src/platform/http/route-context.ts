import type { Role, RouteBody, RouteDef, RouteName, RouteParams, RouteQuery, RouteSuccess, Routes } from '@chuangxing/shared';
import type { Deps } from '../kernel/deps';
import type { Principal } from '../kernel/principal';

/** What a route implementation receives: validated input, the caller, and the ports. */
export interface RouteContext<R extends RouteDef> {
  params: RouteParams<R>;
  query: RouteQuery<R>;
  body: RouteBody<R>;
  principal: R['access'] extends { kind: 'public' } ? Principal | undefined : Principal;
  /** The roles this route allows: use cases act only through bindings of these roles. */
  allowed: readonly Role[];
  deps: Deps;
}

export type RouteImpl<R extends RouteDef> = (ctx: RouteContext<R>) => Promise<RouteSuccess<R>>;

/** Compile-time check that every route in the contract has exactly one implementation. */
export type RouteImplementations = { [K in RouteName]: RouteImpl<Routes[K]> };
