import type { NoticeWrites } from '../../platform/notify/notices';
import type { StoredBranchResult, StoredObservation, StoredScore } from './observation';

export interface ObservationRepository {
  /** Conditional insert, with the observers' notices: a duplicate id fails. */
  create(obs: StoredObservation, notices?: NoticeWrites): Promise<void>;
  get(observationId: string): Promise<StoredObservation | undefined>;
  /** The district's observations of a month (bounded: a few per township). */
  listForMonth(districtId: string, month: string): Promise<StoredObservation[]>;
  /** Every score sheet of an observation, strongly consistent, with the scores' revision (for close). */
  scores(observationId: string): Promise<{ scores: StoredScore[]; revision: number }>;
  /**
   * Upsert one observer's sheet for one branch, in one transaction with a ConditionCheck that the observation is
   * still open (ILLEGAL_TRANSITION when closed, NOT_FOUND when missing) and a bump of the scores' revision.
   */
  putScore(score: StoredScore): Promise<void>;
  /**
   * open → closed with the frozen results on the observation and one result item per branch for the quarterly
   * ranking, in one transaction; conditional on the version and on the scores' revision the results were
   * computed from (CONFLICT when a score arrived meanwhile or the version is stale, ILLEGAL_TRANSITION when closed).
   */
  close(closed: StoredObservation, expectedVersion: number, scoresRevision: number): Promise<void>;
  /** For the quarterly ranking: every frozen branch result of a township's quarter (`2026-Q4`). */
  listResultsForTownshipQuarter(townshipId: string, quarter: string): Promise<StoredBranchResult[]>;
  /** One branch's frozen results of a quarter. */
  listResultsForBranchQuarter(townshipId: string, branchId: string, quarter: string): Promise<StoredBranchResult[]>;
}
