import { identityRoutes } from '@chuangxing/shared';
import { defineFeature } from '../../platform/http/feature';
import { identityImplementations } from './identity.routes';
import { identityPorts } from './identity.wiring';

/** Sign-in (WeChat; demo users on the local stack), the caller (/v1/me), invitations and role bindings. */
export const identityFeature = defineFeature({
  name: 'identity',
  routes: identityRoutes,
  implementations: identityImplementations,
  ports: identityPorts,
});
