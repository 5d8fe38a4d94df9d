import type { BranchType, Star } from '@chuangxing/shared';
import type { AppraisalScore } from '../appraisals/appraisals.readers';
import type { LetterCounters } from '../mailbox/mailbox.readers';

/**
 * What the ranking job reads for ONE township and ONE quarter (a shard). Everything comes from rollups and
 * per-branch summaries, never from raw daily reports, so the cost grows with branches, not with reports.
 */

/** A monthly observation's result for one branch (每月一观摩), stored at TWN#{t}#OBSRES#{yyyy-Qn} / {branchId}#{observationId}. */
export interface ObservationResultRow {
  branchId: string;
  observationId: string;
  /** yyyy-mm */
  month: string;
  /** 0–100 per star the observers scored. */
  perStar: Partial<Record<Star, number>>;
  /** 0–100 */
  overall: number;
  observerCount: number;
}

export interface ObservationResultsReader {
  listResultsForTownshipQuarter(townshipId: string, quarter: string): Promise<ObservationResultRow[]>;
}

/** An inspection finding (四不两直 问题清单) of a branch. */
export interface InspectionFindingRow {
  branchId: string;
  star: Star;
  status: 'open' | 'fix_submitted' | 'closed';
  /** yyyy-mm-dd: the 整改时限 */
  deadline: string;
  createdAt: string;
  closedAt?: string;
  /** Set when the finding is one of the star's veto items (否决项): it blocks the star. */
  vetoItemId?: string;
}

export interface InspectionFindingsReader {
  listFindingsForTownship(townshipId: string): Promise<InspectionFindingRow[]>;
}

export interface KeyTaskProgressEntry {
  taskId: string;
  star: Star;
  status: 'not_started' | 'in_progress' | 'done' | 'blocked';
  percent: number;
  /** ISO instant of the update. Several entries per task are allowed: the latest at quarter end counts. */
  at: string;
}

/** Key-task progress of one branch's plan for a year. */
export interface KeyTaskProgressRow {
  branchId: string;
  year: number;
  tasks: KeyTaskProgressEntry[];
}

export interface KeyTaskProgressReader {
  listProgressForTownshipYear(townshipId: string, year: number): Promise<KeyTaskProgressRow[]>;
}

export interface ShardBranch {
  id: string;
  name: string;
  type: BranchType;
  createdAt: string;
}

/** Daily-report counters of a branch for the quarter (BR#{b} / STAT#Q#{yyyy-Qn}). */
export interface ReportCounters {
  submitted: number;
  onTime: number;
  late: number;
}

export interface ApprovedPlanTargets {
  branchId: string;
  heldStars: Star[];
  targetStars: Star[];
}

/** A star a branch holds or held (评星定级): from when, and until when if it was withdrawn (撤星). */
export interface StarHolding {
  branchId: string;
  star: Star;
  heldFrom: string;
  withdrawnOn?: string;
}

export interface TownshipQuarterInputs {
  township: { id: string; name: string };
  branches: ShardBranch[];
  reportCounters: Record<string, ReportCounters>;
  /** District holidays (no branchId) and branch leave days within the quarter. */
  exemptions: { day: string; branchId?: string }[];
  /** 三率 counters summed over the quarter's three months. */
  letterCounters: Record<string, LetterCounters>;
  plans: ApprovedPlanTargets[];
  observations: ObservationResultRow[];
  findings: InspectionFindingRow[];
  taskProgress: KeyTaskProgressRow[];
  /** Every awarded (or baseline) star of the township's branches, withdrawn ones included. */
  holdings: StarHolding[];
  /** The quarter's closed 述职评议 results of the township; absent without a closed session (无数据, not 0). */
  appraisal?: AppraisalScore[];
}

export interface ScoringInputs {
  /** The townships of the district, in display order: the job's shards. */
  listTownships(districtId: string): Promise<{ id: string; name: string }[]>;
  loadTownship(districtId: string, township: { id: string; name: string }, quarter: string): Promise<TownshipQuarterInputs>;
}
