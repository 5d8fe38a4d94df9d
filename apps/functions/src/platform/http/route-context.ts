import type { Role, RouteBody, RouteDef, RouteParams, RouteQuery, RouteSuccess } from '@chuangxing/shared';
import type { Principal } from '../kernel/principal';

/** What a route implementation receives: validated input, the caller, and its feature's ports. */
export interface RouteContext<R extends RouteDef, P> {
  params: RouteParams<R>;
  query: RouteQuery<R>;
  body: RouteBody<R>;
  principal: R['access'] extends { kind: 'public' } ? Principal | undefined : Principal;
  /** The roles this route allows: use cases act only through bindings of these roles. */
  allowed: readonly Role[];
  /** The client's address as API Gateway saw it (requestContext.http.sourceIp): for per-client limits only. */
  sourceIp: string;
  deps: P;
}

export type RouteImpl<R extends RouteDef, P> = (ctx: RouteContext<R, P>) => Promise<RouteSuccess<R>>;

/** Exactly one implementation per route of a feature's contract (a missing or extra one does not compile). */
export type RouteImpls<C extends Record<string, RouteDef>, P> = { [K in keyof C]: RouteImpl<C[K], P> };
