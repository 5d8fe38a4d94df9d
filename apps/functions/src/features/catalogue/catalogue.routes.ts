import type { Routes } from '@chuangxing/shared';
import type { RouteImpl } from '../../platform/http/route-context';
import {
  getCatalogueDraft as draftUseCase,
  getCatalogue as getUseCase,
  publishCatalogue as publishUseCase,
  saveCatalogueDraft as saveUseCase,
  listCatalogueVersions as versionsUseCase,
  getCatalogueVersion as versionUseCase,
} from './manage-catalogue';

export const getCatalogue: RouteImpl<Routes['getCatalogue']> = async ({ deps }) => ({ status: 200, body: await getUseCase(deps) });

export const listCatalogueVersions: RouteImpl<Routes['listCatalogueVersions']> = async ({ deps }) => ({
  status: 200,
  body: { versions: await versionsUseCase(deps) },
});

export const getCatalogueVersion: RouteImpl<Routes['getCatalogueVersion']> = async ({ deps, params }) => ({
  status: 200,
  body: await versionUseCase(deps, params.version),
});

export const getCatalogueDraft: RouteImpl<Routes['getCatalogueDraft']> = async ({ deps, principal, allowed }) => ({
  status: 200,
  body: await draftUseCase(deps, principal, allowed),
});

export const putCatalogueDraft: RouteImpl<Routes['putCatalogueDraft']> = async ({ deps, principal, allowed, body }) => ({
  status: 200,
  body: await saveUseCase(deps, principal, allowed, body.content, body.revision),
});

export const publishCatalogue: RouteImpl<Routes['publishCatalogue']> = async ({ deps, principal, allowed, body }) => ({
  status: 201,
  body: await publishUseCase(deps, principal, allowed, body.revision, body.note),
});
