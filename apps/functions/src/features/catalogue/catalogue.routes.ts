import type { catalogueRoutes } from '@chuangxing/shared';
import type { RouteImpls } from '../../platform/http/route-context';
import type { CataloguePorts } from './catalogue.ports';
import {
  getCatalogue,
  getCatalogueDraft,
  getCatalogueVersion,
  listCatalogueVersions,
  publishCatalogue,
  saveCatalogueDraft,
} from './manage-catalogue';

export const catalogueImplementations: RouteImpls<typeof catalogueRoutes, CataloguePorts> = {
  getCatalogue: async ({ deps }) => ({ status: 200, body: await getCatalogue(deps) }),
  listCatalogueVersions: async ({ deps }) => ({ status: 200, body: { versions: await listCatalogueVersions(deps) } }),
  getCatalogueVersion: async ({ deps, params }) => ({ status: 200, body: await getCatalogueVersion(deps, params.version) }),
  getCatalogueDraft: async ({ deps, principal, allowed }) => ({ status: 200, body: await getCatalogueDraft(deps, principal, allowed) }),
  putCatalogueDraft: async ({ deps, principal, allowed, body }) => ({
    status: 200,
    body: await saveCatalogueDraft(deps, principal, allowed, body.content, body.revision),
  }),
  publishCatalogue: async ({ deps, principal, allowed, body }) => ({
    status: 201,
    body: await publishCatalogue(deps, principal, allowed, body.revision, body.note),
  }),
};
