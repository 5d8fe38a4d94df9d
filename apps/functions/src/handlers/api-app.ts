import { principalLoader } from '../features/identity/identity.wiring';
import type { FeatureModule } from '../platform/http/feature';
import { createRouter } from '../platform/http/router';
import type { Logger } from '../platform/observability/logger';
import type { Wiring } from '../platform/wiring';

/** The router over `features` bound to one wiring: each API function's, or every feature's (local stack, tests). */
export function createApiApp(w: Wiring, opts: { logger: Logger; features: readonly FeatureModule[] }) {
  return createRouter({
    features: opts.features.map((f) => f.bind(w)),
    authenticate: principalLoader(w),
    devLogin: w.config.devLogin,
    corsOrigins: w.config.corsOrigins,
    logger: opts.logger,
  });
}
