import { metaRoutes } from '@chuangxing/shared';
import { defineFeature } from '../../platform/http/feature';
import { notifier } from '../identity/identity.wiring';
import { embeddedOpenApiDocument } from './embedded-openapi';
import { metaImplementations } from './meta.routes';

/** Health, the OpenAPI document and the local outbox. */
export const metaFeature = defineFeature({
  name: 'meta',
  routes: metaRoutes,
  implementations: metaImplementations,
  ports: (w) => ({ clock: w.clock, openApiDocument: w.local?.openApiDocument ?? embeddedOpenApiDocument, notifier: notifier(w) }),
});
