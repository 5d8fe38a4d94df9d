import type { BranchHeldStars, FieldError, HeldStar, Star, StarWithdrawalStatus } from '@chuangxing/shared';
import { DomainError } from '../../platform/kernel/domain-error';

/**
 * A star a branch holds now (one record per branch and star): since when and on what basis. A confirmed withdrawal
 * ends it; the ended record keeps its dates (StoredEndedStar).
 */
export interface StoredHeldStar {
  branchId: string;
  districtId: string;
  townshipId: string;
  branchName: string;
  star: Star;
  heldFrom: string;
  basis: 'baseline' | 'award';
  applicationId?: string;
  version: number;
  recordedAt: string;
  recordedBy: string;
}

export interface StoredEndedStar extends StoredHeldStar {
  withdrawnOn: string;
  withdrawalId: string;
}

/** The stars a branch held at the campaign start, as the district recorded them (once). */
export interface StoredBaseline {
  branchId: string;
  stars: Star[];
  recordedOn: string;
  recordedAt: string;
  recordedBy: string;
  recordedByName: string;
}

/** The audit trail of a branch's stars: every baseline, award and withdrawal that changed what it holds. */
export interface StoredHeldStarEvent {
  at: string;
  id: string;
  kind: 'baseline' | 'awarded' | 'withdrawn' | 'annual_confirmed' | 'annual_lowered';
  stars: Star[];
  actorId: string;
  actorName: string;
  /** The application (awarded) or withdrawal (withdrawn) behind it. */
  sourceId?: string;
  note?: string;
}

/** A 撤星 / 降星: opened by a veto hit, decided by the district. */
export interface StoredStarWithdrawal {
  id: string;
  districtId: string;
  townshipId: string;
  branchId: string;
  branchName: string;
  star: Star;
  source:
    | { kind: 'finding'; findingId: string; vetoItemId: string; vetoText: string }
    | { kind: 'integrity_case'; letterId: string; vetoItemId: string; vetoText: string };
  status: StarWithdrawalStatus;
  version: number;
  openedAt: string;
  openedBy: string;
  openedByName: string;
  decision?: { at: string; reason: string; deciderId: string; deciderName: string };
  publicityFrom?: string;
  publicityUntil?: string;
}

export interface StoredWithdrawalEvent {
  at: string;
  version: number;
  kind: 'opened' | 'confirmed' | 'rejected';
  actorId: string;
  actorName: string;
  note?: string;
}

export type WithdrawalAction = 'confirm' | 'reject';
const DECIDED: Record<WithdrawalAction, 'confirmed' | 'rejected'> = { confirm: 'confirmed', reject: 'rejected' };
const STATUS_TEXT: Record<StarWithdrawalStatus, string> = { open: '待区级确认', confirmed: '已撤星', rejected: '不予撤星' };

/** open → confirmed | rejected, once, with a reason; a decided withdrawal is final. */
export function decideWithdrawal(
  w: StoredStarWithdrawal,
  action: WithdrawalAction,
  reason: string,
  decider: { id: string; name: string },
  at: string,
): StoredStarWithdrawal {
  if (w.status !== 'open') throw new DomainError('ILLEGAL_TRANSITION', `撤星当前为「${STATUS_TEXT[w.status]}」，不能再处理，请刷新后查看`);
  return {
    ...w,
    status: DECIDED[action],
    version: w.version + 1,
    decision: { at, reason, deciderId: decider.id, deciderName: decider.name },
  };
}

/** A held record ended by a confirmed withdrawal on `day`. */
export function endHeldStar(held: StoredHeldStar, withdrawalId: string, day: string): StoredEndedStar {
  return { ...held, version: held.version + 1, withdrawnOn: day, withdrawalId };
}

/**
 * The baseline's stars checked: each of the branch's star set, each once. The baseline is recorded once and before
 * any award; the same stars again are a no-op (`same`), other stars CONFLICT.
 */
export function checkBaseline(
  stars: readonly Star[],
  starSet: readonly Star[],
  existing: { baseline?: StoredBaseline; awarded: boolean },
): 'new' | 'same' {
  const errors: FieldError[] = [];
  stars.forEach((s, i) => {
    if (!starSet.includes(s)) errors.push({ path: `body.stars.${i}`, code: 'not_in_set', message: '该星不在本支部的星级体系内' });
    else if (stars.indexOf(s) !== i) errors.push({ path: `body.stars.${i}`, code: 'duplicate', message: '同一颗星只能填一次' });
  });
  if (errors.length) throw new DomainError('VALIDATION_FAILED', '基准星级有误', errors);
  if (existing.baseline) {
    const same = [...existing.baseline.stars].sort().join() === [...stars].sort().join();
    if (same) return 'same';
    throw new DomainError('CONFLICT', `该支部的创建基准已于 ${existing.baseline.recordedOn} 记录，不能更改`, [
      { path: 'body.stars', code: 'conflict', message: '基准已记录' },
    ]);
  }
  if (existing.awarded) throw new DomainError('ILLEGAL_TRANSITION', '该支部已有授星记录，创建基准须在授星之前记录');
  return 'new';
}

const heldStarOf = (r: StoredHeldStar | StoredEndedStar): HeldStar => ({
  star: r.star,
  heldFrom: r.heldFrom,
  basis: r.basis,
  ...(r.applicationId ? { applicationId: r.applicationId } : {}),
  ...('withdrawnOn' in r ? { withdrawnOn: r.withdrawnOn, withdrawalId: r.withdrawalId } : {}),
});

/** What a branch's stars look like to a reader: its level is the number it holds. */
export function branchHeldStarsOf(
  branch: { id: string; name: string },
  records: { held: StoredHeldStar[]; ended: StoredEndedStar[]; baseline?: StoredBaseline },
  starOrder: readonly Star[],
): BranchHeldStars {
  const order = (s: Star) => (starOrder.includes(s) ? starOrder.indexOf(s) : starOrder.length);
  return {
    branchId: branch.id,
    branchName: branch.name,
    level: records.held.length,
    held: [...records.held].sort((a, b) => order(a.star) - order(b.star)).map(heldStarOf),
    withdrawn: [...records.ended].sort((a, b) => b.withdrawnOn.localeCompare(a.withdrawnOn)).map(heldStarOf),
    ...(records.baseline ? { baselineRecordedOn: records.baseline.recordedOn } : {}),
  };
}

/** The district's annual 评星定级 of one branch for one year (once): the stars it kept and those it lowered. */
export interface StoredAnnualDecision {
  branchId: string;
  districtId: string;
  townshipId: string;
  branchName: string;
  year: number;
  kept: Star[];
  lowered: Star[];
  reason: string;
  at: string;
  deciderId: string;
  deciderName: string;
}

/** The day of `year` from which the annual review may decide. */
export const annualReviewDay = (year: number, monthDay: string) => `${year}-${monthDay}`;

/** What the annual review keeps and lowers: `keep` must name stars the branch holds, each once. */
export function annualOutcome(held: readonly Star[], keep: readonly Star[]): { kept: Star[]; lowered: Star[] } {
  const errors: FieldError[] = [];
  keep.forEach((s, i) => {
    if (!held.includes(s)) errors.push({ path: `body.keep.${i}`, code: 'not_held', message: '该支部未持有这颗星' });
    else if (keep.indexOf(s) !== i) errors.push({ path: `body.keep.${i}`, code: 'duplicate', message: '同一颗星只能填一次' });
  });
  if (errors.length) throw new DomainError('VALIDATION_FAILED', '保留的星须是该支部持有的星', errors);
  return { kept: held.filter((s) => keep.includes(s)), lowered: held.filter((s) => !keep.includes(s)) };
}
