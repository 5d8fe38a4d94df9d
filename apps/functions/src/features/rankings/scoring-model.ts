import { DEFAULT_SCORING_MODEL, type Role, type ScoringDraft, type ScoringModel, type ScoringModelContent } from '@chuangxing/shared';
import type { Deps } from '../../platform/kernel/deps';
import { DomainError, forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, isDistrictAdmin, type Principal } from '../../platform/kernel/principal';
import type { StoredScoringModel } from './ranking-repository';

export const DEFAULT_MODEL_NOTE = '默认评分办法（可配置）';

/** Until the district publishes its own, the documented defaults apply (version 0, never stored). */
export function defaultModel(): StoredScoringModel {
  return {
    version: 0,
    content: structuredClone(DEFAULT_SCORING_MODEL),
    publishedAt: '2026-01-01T00:00:00.000Z',
    publishedBy: 'system',
    note: DEFAULT_MODEL_NOTE,
  };
}

const present = (m: StoredScoringModel): ScoringModel => ({
  version: m.version,
  content: m.content,
  publishedAt: m.publishedAt,
  note: m.note,
});

export async function modelInForce(deps: Deps): Promise<StoredScoringModel> {
  return (await deps.rankings.latestModel(deps.districtId)) ?? defaultModel();
}

export async function getScoringModel(deps: Deps): Promise<ScoringModel> {
  return present(await modelInForce(deps));
}

export async function getScoringVersion(deps: Deps, version: number): Promise<ScoringModel> {
  const m = await deps.rankings.modelVersion(deps.districtId, version);
  if (!m) throw notFound('评分办法版本');
  return present(m);
}

export async function listScoringVersions(deps: Deps) {
  return (await deps.rankings.modelVersions(deps.districtId)).map((v) => ({
    version: v.version,
    publishedAt: v.publishedAt,
    note: v.note,
  }));
}

function assertAdmin(deps: Deps, principal: Principal, allowed: readonly Role[]) {
  if (!isDistrictAdmin(bindingsFor(principal, allowed), deps.districtId)) throw forbiddenScope();
}

export async function getScoringDraft(deps: Deps, principal: Principal, allowed: readonly Role[]): Promise<ScoringDraft> {
  assertAdmin(deps, principal, allowed);
  const draft = await deps.rankings.modelDraft(deps.districtId);
  if (draft) return { revision: draft.revision, basedOnVersion: draft.basedOnVersion, content: draft.content, updatedAt: draft.updatedAt };
  const base = await modelInForce(deps);
  return { revision: 0, basedOnVersion: base.version, content: base.content };
}

export async function saveScoringDraft(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  content: ScoringModelContent,
  revision: number,
): Promise<ScoringDraft> {
  assertAdmin(deps, principal, allowed);
  const current = await deps.rankings.modelDraft(deps.districtId);
  const basedOnVersion = current?.basedOnVersion ?? (await deps.rankings.latestModel(deps.districtId))?.version ?? 0;
  const at = deps.clock.now().toISOString();
  await deps.rankings.saveModelDraft(
    deps.districtId,
    { revision: revision + 1, basedOnVersion, content, updatedAt: at, updatedBy: principal.user.id },
    revision,
  );
  return { revision: revision + 1, basedOnVersion, content, updatedAt: at };
}

/** The draft becomes the next immutable version; rankings already computed keep the version they name. */
export async function publishScoringModel(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  revision: number,
  note: string,
): Promise<ScoringModel> {
  assertAdmin(deps, principal, allowed);
  const draft = await deps.rankings.modelDraft(deps.districtId);
  if (!draft) throw new DomainError('CONFLICT', '没有待发布的草稿，请先保存修改');
  if (draft.revision !== revision) throw new DomainError('CONFLICT', '草稿已被他人修改，请刷新后重试');
  const published: StoredScoringModel = {
    version: draft.basedOnVersion + 1,
    content: draft.content,
    publishedAt: deps.clock.now().toISOString(),
    publishedBy: principal.user.id,
    note,
  };
  await deps.rankings.publishModel(deps.districtId, published, draft.basedOnVersion, revision);
  return present(published);
}
