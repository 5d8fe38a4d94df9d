import { catalogueFeature } from '../features/catalogue/catalogue.feature';
import { identityFeature } from '../features/identity/identity.feature';
import { inboxFeature } from '../features/inbox/inbox.feature';
import { metaFeature } from '../features/meta/meta.feature';
import { orgFeature } from '../features/org/org.feature';
import { createApiHandler } from './api-function';

export const handler = createApiHandler('core', {
  meta: metaFeature,
  identity: identityFeature,
  org: orgFeature,
  catalogue: catalogueFeature,
  inbox: inboxFeature,
});
