import '../zod-config';
import * as z from 'zod/mini';
import { BranchType, Star } from '../enums';
import { Id } from './common.contract';
import { DayKey } from './daily-report.contract';
import { PlanStatus, TaskStatus } from './plan.contract';

/** 挂图作战: plan against actual. "planned" is the share of milestones due by today; "actual" the reported percentage. */

/** 双过半: by mid-year (30 June) at least half of the year's key tasks are done. */
export const DOUBLE_HALF_STATUSES = ['pending', 'passed', 'failed', 'no_plan'] as const;
export const DoubleHalfStatus = z.enum(DOUBLE_HALF_STATUSES);
export type DoubleHalfStatus = z.infer<typeof DoubleHalfStatus>;
export const DOUBLE_HALF_LABELS: Record<DoubleHalfStatus, string> = {
  pending: '未到年中',
  passed: '已双过半',
  failed: '未过半',
  no_plan: '无批准计划',
};

export const DoubleHalf = z.object({
  status: DoubleHalfStatus,
  /** The check day: 30 June of the plan's year. */
  checkDay: DayKey,
  total: z.int(),
  /** Tasks done by the check day (or by today while it is still ahead). */
  done: z.int(),
});
export type DoubleHalf = z.infer<typeof DoubleHalf>;

/** The counts every level of the board shows: a star, a branch, a township. */
const progressShape = {
  tasks: z.int(),
  done: z.int(),
  plannedPercent: z.int(),
  actualPercent: z.int(),
  overdueMilestones: z.int(),
  /** 四不两直 findings not yet closed (销号); overdue ones are past their 整改时限. */
  openFindings: z.int(),
};

export const StarProgress = z.object({
  star: Star,
  target: z.boolean(),
  held: z.boolean(),
  ...progressShape,
  overdueFindings: z.int(),
});
export type StarProgress = z.infer<typeof StarProgress>;

export const BranchBoardRow = z.object({
  branchId: Id,
  branchName: z.string(),
  type: BranchType,
  /** `none` when the branch has not started a plan for the year. */
  planStatus: z.union([PlanStatus, z.literal('none')]),
  heldStars: z.array(Star),
  targetStars: z.array(Star),
  stars: z.array(StarProgress),
  ...progressShape,
  overdueFindings: z.int(),
  doubleHalf: DoubleHalf,
});
export type BranchBoardRow = z.infer<typeof BranchBoardRow>;

export const TownshipBoard = z.object({
  townshipId: Id,
  townshipName: z.string(),
  year: z.int(),
  today: DayKey,
  /** Branches with overdue milestones first, then the widest gap between planned and actual. */
  branches: z.array(BranchBoardRow),
  totals: z.object({
    branches: z.int(),
    approvedPlans: z.int(),
    tasks: z.int(),
    done: z.int(),
    overdueMilestones: z.int(),
    openFindings: z.int(),
    doubleHalfPassed: z.int(),
  }),
});
export type TownshipBoard = z.infer<typeof TownshipBoard>;

export const DistrictBoardRow = z.object({
  townshipId: Id,
  name: z.string(),
  branches: z.int(),
  approvedPlans: z.int(),
  ...progressShape,
  doubleHalfPassed: z.int(),
  /** Branches by target star count, index 0..5: the year's 三星成片、四星倍增、五星涌现 at a glance. */
  targetLevels: z.array(z.int()),
});
export type DistrictBoardRow = z.infer<typeof DistrictBoardRow>;

export const DistrictBoard = z.object({
  year: z.int(),
  today: DayKey,
  /** The townships in the caller's reach, the ones with overdue milestones first. */
  townships: z.array(DistrictBoardRow),
});
export type DistrictBoard = z.infer<typeof DistrictBoard>;

export const BoardMilestone = z.object({ title: z.string(), due: DayKey, met: z.boolean(), overdue: z.boolean() });

export const BoardTask = z.object({
  taskId: Id,
  title: z.string(),
  star: Star,
  owner: z.string(),
  status: TaskStatus,
  percent: z.int(),
  plannedPercent: z.int(),
  milestones: z.array(BoardMilestone),
});
export type BoardTask = z.infer<typeof BoardTask>;

/** One branch's sheet: the row of the township board plus what its 四个一口清 page and poster print. */
export const BranchBoard = z.object({
  row: BranchBoardRow,
  townshipName: z.string(),
  year: z.int(),
  today: DayKey,
  catalogueVersion: z.int(),
  /** 一人负责一颗星、一颗星一个专班 */
  responsibles: z.array(z.object({ star: Star, responsible: z.string(), leadDepartment: z.string() })),
  tasks: z.array(BoardTask),
  /** The veto items of the target stars (评星办法: a hit loses the star). */
  vetoes: z.array(z.object({ star: Star, text: z.string() })),
  reviewNote: z.optional(z.string()),
});
export type BranchBoard = z.infer<typeof BranchBoard>;

export const BoardYearPath = z.strictObject({ year: z.coerce.number().check(z.int(), z.minimum(2020), z.maximum(2100)) });
export const TownshipBoardPath = z.strictObject({
  townshipId: Id,
  year: z.coerce.number().check(z.int(), z.minimum(2020), z.maximum(2100)),
});
export const BranchBoardPath = z.strictObject({
  branchId: Id,
  year: z.coerce.number().check(z.int(), z.minimum(2020), z.maximum(2100)),
});
