import { type BranchScore, type ScoreBranchBody, starSetFor } from '@chuangxing/shared';
import { DomainError, invalidFields, notFound } from '../../platform/kernel/domain-error';
import type { Principal } from '../../platform/kernel/principal';
import { checkScoreSheet, type StoredScore } from './observation';
import { presentScore } from './observation-presenters';
import type { ObservationsPorts } from './observations.ports';

/** Only an assigned observer, only while open (403 not assigned, 409 closed); re-scoring overwrites. */
export async function scoreBranch(
  deps: ObservationsPorts,
  principal: Principal,
  observationId: string,
  branchId: string,
  body: ScoreBranchBody,
): Promise<BranchScore> {
  const obs = await deps.observations.get(observationId);
  if (!obs || obs.districtId !== deps.districtId) throw notFound('观摩');
  const me = obs.observers.find((o) => o.userId === principal.user.id);
  if (!me) throw new DomainError('FORBIDDEN_SCOPE', '您不是这次观摩的评分人员');
  if (obs.status !== 'open') throw new DomainError('ILLEGAL_TRANSITION', '观摩已锁定，不能再评分');
  const branch = obs.branches.find((b) => b.branchId === branchId);
  if (!branch) throw notFound('观摩支部');
  const errors = checkScoreSheet(starSetFor(branch.type), body.scores);
  if (errors.length) throw invalidFields('评分有误', errors);
  const score: StoredScore = {
    observationId,
    branchId,
    observerId: me.userId,
    observerName: principal.user.displayName,
    scores: body.scores,
    comment: body.comment,
    updatedAt: deps.clock.now().toISOString(),
  };
  await deps.observations.putScore(score);
  return presentScore(score);
}
