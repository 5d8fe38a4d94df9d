import type { Star, StarWithdrawalStatus } from '@chuangxing/shared';
import type { NoticeWrites } from '../../platform/notify/notices';
import type {
  StoredAnnualDecision,
  StoredBaseline,
  StoredEndedStar,
  StoredHeldStar,
  StoredHeldStarEvent,
  StoredStarWithdrawal,
  StoredWithdrawalEvent,
} from './held-star';

export interface BranchStarRecords {
  held: StoredHeldStar[];
  ended: StoredEndedStar[];
  baseline?: StoredBaseline;
  annual: StoredAnnualDecision[];
  /** The audit trail, oldest first. */
  events: StoredHeldStarEvent[];
}

/** What ends a held star when a withdrawal is confirmed, written in the deciding transaction. */
export interface HeldStarEnding {
  held: StoredHeldStar;
  ended: StoredEndedStar;
  event: StoredHeldStarEvent;
}

/** A star a branch holds or held: from when, and until when if it was withdrawn. */
export interface StarHoldingRecord {
  branchId: string;
  star: Star;
  heldFrom: string;
  /** Held at the campaign start (the baseline) or awarded since. */
  basis: 'baseline' | 'award';
  withdrawnOn?: string;
}

export interface HeldStarRepository {
  /** One index query: every held and ended star of the township's branches (the ranking reads them as of a day). */
  holdingsOfTownship(districtId: string, townshipId: string): Promise<StarHoldingRecord[]>;
  /** One query of the branch's partition: held and ended stars, the baseline and the audit trail. */
  listForBranch(branchId: string): Promise<BranchStarRecords>;
  /** One transaction: the baseline (once), a held record per star (none held yet) and the event → CONFLICT otherwise. */
  recordBaseline(baseline: StoredBaseline, held: StoredHeldStar[], event: StoredHeldStarEvent): Promise<void>;
  /**
   * One transaction: the source's marker (one withdrawal per source), the withdrawal and its first event. Opening
   * again from the same source answers `replayed` with the first withdrawal.
   */
  openWithdrawal(
    w: StoredStarWithdrawal,
    event: StoredWithdrawalEvent,
    sourceKey: string,
  ): Promise<{ kind: 'created' | 'replayed'; withdrawal: StoredStarWithdrawal }>;
  getWithdrawal(id: string): Promise<StoredStarWithdrawal | undefined>;
  listWithdrawals(districtId: string, status: StarWithdrawalStatus): Promise<StoredStarWithdrawal[]>;
  /**
   * Conditional on `expectedVersion` (and, when confirming, on the held record still at its version, which the
   * same transaction moves to its ended form) → CONFLICT otherwise: of two decisions, one wins.
   */
  decideWithdrawal(
    next: StoredStarWithdrawal,
    expectedVersion: number,
    event: StoredWithdrawalEvent,
    ending?: HeldStarEnding,
    notices?: NoticeWrites,
  ): Promise<void>;
  /** Every star held in the district now (one index query). */
  listHeldInDistrict(districtId: string): Promise<StoredHeldStar[]>;
  /** The year's annual decisions in the district (one index query). */
  listAnnualDecisions(districtId: string, year: number): Promise<StoredAnnualDecision[]>;
  /**
   * One transaction: the year's decision (once per branch), each kept star still at its version, each lowered star
   * ended, and the event → CONFLICT otherwise (of two decisions, one wins).
   */
  decideAnnual(
    decision: StoredAnnualDecision,
    kept: StoredHeldStar[],
    lowered: Pick<HeldStarEnding, 'held' | 'ended'>[],
    event: StoredHeldStarEvent,
    notices?: NoticeWrites,
  ): Promise<void>;
}
