import type { Catalogue, CatalogueContent, CatalogueDraft, Role } from '@chuangxing/shared';
import { forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, isDistrictAdmin, type Principal } from '../../platform/kernel/principal';
import { versionedDocument } from '../../platform/versioning/versioned-document';
import { countsOf, presentCatalogue, sampleCatalogue } from './catalogue';
import type { CataloguePorts } from './catalogue.ports';

const documentOf = (deps: CataloguePorts) =>
  versionedDocument(deps.catalogue, { districtId: deps.districtId, now: () => deps.clock.now(), fallback: sampleCatalogue });

function assertAdmin(deps: CataloguePorts, principal: Principal, allowed: readonly Role[]) {
  if (!isDistrictAdmin(bindingsFor(principal, allowed), deps.districtId)) throw forbiddenScope();
}

export async function getCatalogue(deps: CataloguePorts): Promise<Catalogue> {
  return presentCatalogue(await documentOf(deps).inForce());
}

export async function getCatalogueVersion(deps: CataloguePorts, version: number): Promise<Catalogue> {
  const c = await documentOf(deps).version(version);
  if (!c) throw notFound('标准版本');
  return presentCatalogue(c);
}

export async function listCatalogueVersions(deps: CataloguePorts) {
  return (await documentOf(deps).versions()).map((v) => ({
    version: v.version,
    publishedAt: v.publishedAt,
    note: v.note,
    counts: v.counts,
  }));
}

export async function getCatalogueDraft(deps: CataloguePorts, principal: Principal, allowed: readonly Role[]): Promise<CatalogueDraft> {
  assertAdmin(deps, principal, allowed);
  const draft = await documentOf(deps).editable();
  return { ...draft, counts: countsOf(draft.content) };
}

export async function saveCatalogueDraft(
  deps: CataloguePorts,
  principal: Principal,
  allowed: readonly Role[],
  content: CatalogueContent,
  revision: number,
): Promise<CatalogueDraft> {
  assertAdmin(deps, principal, allowed);
  const { updatedBy: _by, ...draft } = await documentOf(deps).saveDraft(principal.user.id, content, revision);
  return { ...draft, counts: countsOf(content) };
}

/** The draft becomes the next immutable version; plans keep pointing at the version they were made under. */
export async function publishCatalogue(
  deps: CataloguePorts,
  principal: Principal,
  allowed: readonly Role[],
  revision: number,
  note: string,
): Promise<Catalogue> {
  assertAdmin(deps, principal, allowed);
  return presentCatalogue(await documentOf(deps).publish(principal.user.id, revision, note));
}
