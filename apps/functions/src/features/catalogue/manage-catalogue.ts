import type { Catalogue, CatalogueContent, CatalogueDraft, Role } from '@chuangxing/shared';
import type { Deps } from '../../platform/kernel/deps';
import { DomainError, forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, isDistrictAdmin, type Principal } from '../../platform/kernel/principal';
import { countsOf, SAMPLE_NOTE, type StoredCatalogue, sampleContent } from './catalogue';

const present = (c: StoredCatalogue): Catalogue => ({
  version: c.version,
  content: c.content,
  counts: countsOf(c.content),
  publishedAt: c.publishedAt,
  note: c.note,
});

/** Until a district publishes its own, the sample standards apply (version 0, never stored). */
function sample(): StoredCatalogue {
  return { version: 0, content: sampleContent(), publishedAt: '2026-01-01T00:00:00.000Z', publishedBy: 'system', note: SAMPLE_NOTE };
}

export async function getCatalogue(deps: Deps): Promise<Catalogue> {
  return present((await deps.catalogue.latest(deps.districtId)) ?? sample());
}

export async function getCatalogueVersion(deps: Deps, version: number): Promise<Catalogue> {
  const c = await deps.catalogue.version(deps.districtId, version);
  if (!c) throw notFound('标准版本');
  return present(c);
}

export async function listCatalogueVersions(deps: Deps) {
  return (await deps.catalogue.versions(deps.districtId)).map((v) => ({
    version: v.version,
    publishedAt: v.publishedAt,
    note: v.note,
    counts: v.counts,
  }));
}

function assertAdmin(deps: Deps, principal: Principal, allowed: readonly Role[]) {
  if (!isDistrictAdmin(bindingsFor(principal, allowed), deps.districtId)) throw forbiddenScope();
}

export async function getCatalogueDraft(deps: Deps, principal: Principal, allowed: readonly Role[]): Promise<CatalogueDraft> {
  assertAdmin(deps, principal, allowed);
  const [draft, latest] = await Promise.all([deps.catalogue.draft(deps.districtId), deps.catalogue.latest(deps.districtId)]);
  if (draft)
    return {
      revision: draft.revision,
      basedOnVersion: draft.basedOnVersion,
      content: draft.content,
      counts: countsOf(draft.content),
      updatedAt: draft.updatedAt,
    };
  const base = latest ?? sample();
  return { revision: 0, basedOnVersion: base.version, content: base.content, counts: countsOf(base.content) };
}

export async function saveCatalogueDraft(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  content: CatalogueContent,
  revision: number,
): Promise<CatalogueDraft> {
  assertAdmin(deps, principal, allowed);
  const current = await deps.catalogue.draft(deps.districtId);
  const basedOnVersion = current?.basedOnVersion ?? (await deps.catalogue.latest(deps.districtId))?.version ?? 0;
  const at = deps.clock.now().toISOString();
  await deps.catalogue.saveDraft(
    deps.districtId,
    { revision: revision + 1, basedOnVersion, content, updatedAt: at, updatedBy: principal.user.id },
    revision,
  );
  return { revision: revision + 1, basedOnVersion, content, counts: countsOf(content), updatedAt: at };
}

/** The draft becomes the next immutable version; plans keep pointing at the version they were made under. */
export async function publishCatalogue(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  revision: number,
  note: string,
): Promise<Catalogue> {
  assertAdmin(deps, principal, allowed);
  const draft = await deps.catalogue.draft(deps.districtId);
  if (!draft) throw new DomainError('CONFLICT', '没有待发布的草稿，请先保存修改');
  if (draft.revision !== revision) throw new DomainError('CONFLICT', '草稿已被他人修改，请刷新后重试');
  const published: StoredCatalogue = {
    version: draft.basedOnVersion + 1,
    content: draft.content,
    publishedAt: deps.clock.now().toISOString(),
    publishedBy: principal.user.id,
    note,
  };
  await deps.catalogue.publish(deps.districtId, published, draft.basedOnVersion, revision);
  return present(published);
}
