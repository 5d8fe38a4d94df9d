import type { FeatureName, RouteDef } from '@chuangxing/shared';
import type { Wiring } from '../wiring';
import type { RouteImpls } from './route-context';

/** A feature with its ports built, as the router serves it. */
export interface ServedFeature {
  name: FeatureName;
  routes: Readonly<Record<string, RouteDef>>;
  implementations: Readonly<Record<string, unknown>>;
  deps: unknown;
}

/**
 * A feature as an API function serves it: its contract routes and a way to bind its implementations to
 * ports built from the wiring. Nothing else of the feature is reachable from the router.
 */
export interface FeatureModule<N extends FeatureName = FeatureName> {
  name: N;
  routes: Readonly<Record<string, RouteDef>>;
  bind(w: Wiring): ServedFeature;
}

/**
 * Declares a feature: one implementation per route of its contract, each typed with the ports the
 * feature's `ports` builds (a missing route, an extra one or a port the wiring lacks does not compile).
 */
export function defineFeature<N extends FeatureName, C extends Record<string, RouteDef>, P>(feature: {
  name: N;
  routes: C;
  implementations: RouteImpls<C, P>;
  ports: (w: Wiring) => P;
}): FeatureModule<N> {
  const { name, routes, implementations } = feature;
  return { name, routes, bind: (w) => ({ name, routes, implementations, deps: feature.ports(w) }) };
}
