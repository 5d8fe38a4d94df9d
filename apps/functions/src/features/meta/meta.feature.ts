import { metaRoutes } from '@chuangxing/shared';
import { defineFeature } from '../../platform/http/feature';
import { notifier } from '../identity/identity.wiring';
import { metaImplementations } from './meta.routes';

/** Health, the OpenAPI document and the local outbox. */
export const metaFeature = defineFeature({
  name: 'meta',
  routes: metaRoutes,
  implementations: metaImplementations,
  ports: (w) => ({ clock: w.clock, devLogin: w.config.devLogin, notifier: notifier(w) }),
});
