import { DEFAULT_SCORING_MODEL, type Role, type ScoringDraft, type ScoringModel, type ScoringModelContent } from '@chuangxing/shared';
import { forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, isDistrictAdmin, type Principal } from '../../platform/kernel/principal';
import { versionedDocument } from '../../platform/versioning/versioned-document';
import type { StoredScoringModel } from './ranking-repository';
import type { RankingsPorts } from './rankings.ports';

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

type ModelPorts = Pick<RankingsPorts, 'scoringModels' | 'districtId' | 'clock'>;

const present = (m: StoredScoringModel): ScoringModel => ({
  version: m.version,
  content: m.content,
  publishedAt: m.publishedAt,
  note: m.note,
});

const documentOf = (deps: ModelPorts) =>
  versionedDocument(deps.scoringModels, { districtId: deps.districtId, now: () => deps.clock.now(), fallback: defaultModel });

function assertAdmin(deps: ModelPorts, principal: Principal, allowed: readonly Role[]) {
  if (!isDistrictAdmin(bindingsFor(principal, allowed), deps.districtId)) throw forbiddenScope();
}

export const modelInForce = (deps: ModelPorts): Promise<StoredScoringModel> => documentOf(deps).inForce();

export async function getScoringModel(deps: ModelPorts): Promise<ScoringModel> {
  return present(await modelInForce(deps));
}

export async function getScoringVersion(deps: ModelPorts, version: number): Promise<ScoringModel> {
  const m = await documentOf(deps).version(version);
  if (!m) throw notFound('评分办法版本');
  return present(m);
}

export async function listScoringVersions(deps: ModelPorts) {
  return (await documentOf(deps).versions()).map((v) => ({ version: v.version, publishedAt: v.publishedAt, note: v.note }));
}

export async function getScoringDraft(deps: ModelPorts, principal: Principal, allowed: readonly Role[]): Promise<ScoringDraft> {
  assertAdmin(deps, principal, allowed);
  return documentOf(deps).editable();
}

export async function saveScoringDraft(
  deps: ModelPorts,
  principal: Principal,
  allowed: readonly Role[],
  content: ScoringModelContent,
  revision: number,
): Promise<ScoringDraft> {
  assertAdmin(deps, principal, allowed);
  const { updatedBy: _by, ...draft } = await documentOf(deps).saveDraft(principal.user.id, content, revision);
  return draft;
}

/** The draft becomes the next immutable version; rankings already computed keep the version they name. */
export async function publishScoringModel(
  deps: ModelPorts,
  principal: Principal,
  allowed: readonly Role[],
  revision: number,
  note: string,
): Promise<ScoringModel> {
  assertAdmin(deps, principal, allowed);
  return present(await documentOf(deps).publish(principal.user.id, revision, note));
}
