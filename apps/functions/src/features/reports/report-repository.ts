import type { Comment, DailyReport, ReportCounters, Revision, Submission } from './daily-report';

export type SubmitOutcome = { kind: 'created' | 'updated' | 'replayed'; report: DailyReport };

export interface ReportRepository {
  /**
   * First report of the day, atomically with its rollups: the branch's month and quarter counters, the
   * township's day rollup and the township-day marker the dashboard reads. A retry with the same
   * idempotency key replays; any other existing report → CONFLICT.
   */
  create(report: DailyReport, revision: Revision): Promise<SubmitOutcome>;
  /** Conditional on `expectedVersion`; a replay of the same key succeeds, a stale version → CONFLICT. */
  update(report: DailyReport, expectedVersion: number, revision: Revision): Promise<SubmitOutcome>;
  /** The report with its comments and revisions, in one query. */
  getDetail(branchId: string, day: string): Promise<{ report: DailyReport; comments: Comment[]; revisions: Revision[] } | undefined>;
  get(branchId: string, day: string): Promise<DailyReport | undefined>;
  listRange(branchId: string, from: string, to: string): Promise<DailyReport[]>;
  addComment(branchId: string, day: string, comment: Comment): Promise<void>;
  /** The township-day markers written with each first submission. */
  submissionsOf(townshipId: string, day: string): Promise<Submission[]>;
  /** Per township: reports filed that day (from the rollup items). */
  townshipRollups(districtId: string, day: string): Promise<{ townshipId: string; onTime: number; late: number }[]>;
  /**
   * The quarter counters of these branches, by branch id (a branch that filed nothing that quarter is
   * absent). Batched reads of the counter items only, never a report.
   */
  quarterStatsOf(branchIds: string[], quarter: string): Promise<Record<string, ReportCounters>>;
}
