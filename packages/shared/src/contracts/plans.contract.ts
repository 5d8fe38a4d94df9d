import '../zod-config';
import * as z from 'zod/mini';
import { BranchType, OFFICIAL_ROLES, Star } from '../enums';
import { ErrorBody } from '../errors';
import { defineRoute, rolesAccess } from '../route';
import { CALENDAR_YEARS, DayKey, Id, IsoDateTime, intParam, PresignedUpload, uniqueItems } from './common.contract';
import { userText } from './user-text';

/** 创星计划: a branch's plan for a year, referring to the catalogue version it was written under. */
export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export const PlanStatus = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof PlanStatus>;
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  draft: '草稿',
  submitted: '待审批',
  approved: '已批准',
  returned: '已退回',
};

/** Longer texts are written in a text area, so they may hold newlines; short ones are one line. */
const Short = (max: number, empty: string) => userText({ min: 1, max, empty, multiline: max > 60 });
/** Plans and boards exist from the campaign's first year on. */
export const PLAN_YEARS = { min: 2020, max: CALENDAR_YEARS.max } as const;
const PlanYear = intParam(PLAN_YEARS.min, PLAN_YEARS.max);

export const Milestone = z.strictObject({
  title: Short(60, '请填写节点名称'),
  due: DayKey,
});
export type Milestone = z.infer<typeof Milestone>;

export const PlanStar = z.strictObject({
  star: Star,
  /** 一人负责一颗星 */
  responsible: Short(20, '请填写负责人'),
  /** 一颗星一个专班: the lead department */
  leadDepartment: Short(30, '请填写牵头部门'),
});

export const PlanTask = z.strictObject({
  /** A key task id of the catalogue version the plan refers to. */
  taskId: Id,
  owner: Short(20, '请填写责任人'),
  milestones: z.array(Milestone).check(z.minLength(1, '至少一个时间节点'), z.maxLength(12)),
});
export type PlanTask = z.infer<typeof PlanTask>;

export const PlanContent = z.strictObject({
  /** The stars the branch holds now (保星). */
  heldStars: uniqueItems(z.array(Star).check(z.maxLength(5))),
  /** The stars it aims for this year (蹦一蹦够得着): at least what it holds. */
  targetStars: uniqueItems(z.array(Star).check(z.minLength(1, '请选择目标星级'), z.maxLength(5))),
  stars: uniqueItems(z.array(PlanStar).check(z.maxLength(5))),
  tasks: uniqueItems(z.array(PlanTask).check(z.maxLength(30))),
});
export type PlanContent = z.infer<typeof PlanContent>;

/** A plan as read: a branch with no plan for the year yet reads a blank draft (version 0) with empty content. */
export const PlanContentRead = z.strictObject({ ...PlanContent.shape, targetStars: uniqueItems(z.array(Star).check(z.maxLength(5))) });

export const Plan = z.object({
  branchId: Id,
  branchName: z.string(),
  townshipId: Id,
  year: z.int(),
  catalogueVersion: z.int(),
  content: PlanContentRead,
  status: PlanStatus,
  /** The township's note when it returned or approved the plan. */
  reviewNote: z.optional(z.string()),
  version: z.int(),
  updatedAt: IsoDateTime,
});
export type Plan = z.infer<typeof Plan>;

export const PlanPath = z.strictObject({ branchId: Id, year: PlanYear });
export const SavePlanBody = z.strictObject({ content: PlanContent, version: z.int().check(z.minimum(0)) });
export const PlanActionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('submit'), version: z.int().check(z.minimum(1)) }),
  z.strictObject({ action: z.literal('approve'), version: z.int().check(z.minimum(1)), note: z.optional(Short(200, '请填写意见')) }),
  z.strictObject({ action: z.literal('return'), version: z.int().check(z.minimum(1)), note: Short(200, '请填写退回原因') }),
]);

/** 倒排工期: propose milestone dates working backwards from the evaluation date. */
export const ScheduleBackwardsBody = z.strictObject({
  evaluationDate: DayKey,
  /** Milestones to place, in order; the last falls on the evaluation date's eve. */
  milestones: z.int().check(z.minimum(1), z.maximum(12)),
  /** Working days kept free before the evaluation for preparing the review. */
  bufferWorkingDays: z._default(z.int().check(z.minimum(0), z.maximum(30)), 5),
});
export const ScheduleBackwardsResult = z.object({ dates: z.array(DayKey) });

/* ---------- progress on key tasks ---------- */

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'blocked'] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  not_started: '未开始',
  in_progress: '推进中',
  done: '已完成',
  blocked: '受阻',
};

/** Evidence photos go through the same storage port as report photos, filed under the plan. */
export const EvidenceKey = z
  .string()
  .check(z.regex(/^plan-evidence\/[A-Za-z0-9_-]{1,64}\/\d{4}\/[A-Za-z0-9]{10,40}\.(jpg|png|webp)$/, '佐证材料编号无效'));

export const TaskUpdateBody = z.strictObject({
  status: TaskStatus,
  percent: z.int().check(z.minimum(0), z.maximum(100)),
  note: z._default(userText({ max: 500, multiline: true }), ''),
  evidence: z._default(uniqueItems(z.array(EvidenceKey).check(z.maxLength(9, '最多 9 张'))), []),
});
export type TaskUpdateBody = z.infer<typeof TaskUpdateBody>;

export const TaskUpdate = z.object({
  id: Id,
  status: TaskStatus,
  percent: z.int(),
  note: z.string(),
  evidenceUrls: z.array(z.string()),
  at: IsoDateTime,
  byName: z.string(),
});

export const TaskProgress = z.object({
  taskId: Id,
  title: z.string(),
  star: Star,
  status: TaskStatus,
  percent: z.int(),
  updates: z.array(TaskUpdate),
  /** Daily report items that named this task, newest first. */
  reports: z.array(z.object({ day: DayKey, text: z.string() })),
});
export type TaskProgress = z.infer<typeof TaskProgress>;
export const TaskPath = z.strictObject({
  branchId: Id,
  year: PlanYear,
  taskId: Id,
});
export const PresignEvidenceBody = z.strictObject({
  branchId: Id,
  year: z.int().check(z.minimum(PLAN_YEARS.min), z.maximum(PLAN_YEARS.max)),
  contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  size: z.int().check(z.minimum(1), z.maximum(2 * 1024 * 1024)),
});
export type PresignEvidenceBody = z.infer<typeof PresignEvidenceBody>;

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

export const BoardYearPath = z.strictObject({ year: PlanYear });
export const TownshipBoardPath = z.strictObject({
  townshipId: Id,
  year: PlanYear,
});
export const BranchBoardPath = z.strictObject({
  branchId: Id,
  year: PlanYear,
});

/* ---------- routes ---------- */

/** 创星计划 plans, progress on their key tasks, and the 挂图作战 boards. */
export const plansRoutes = {
  getPlan: defineRoute({
    method: 'GET',
    path: '/v1/branches/{branchId}/plans/{year}',
    summary: '创星计划: a branch’s plan for a year (the branch, its township, leaders and the district read it)',
    access: rolesAccess('cadre', 'secretary', 'township_staff', 'leader', 'district_admin', 'inspector'),
    params: PlanPath,
    responses: { 200: Plan },
  }),
  savePlan: defineRoute({
    method: 'PUT',
    path: '/v1/branches/{branchId}/plans/{year}',
    summary: 'The branch’s own cadres write the plan (optimistic on its version; approved plans are frozen)',
    access: rolesAccess('cadre', 'secretary'),
    params: PlanPath,
    body: SavePlanBody,
    responses: { 200: Plan, 409: ErrorBody },
  }),
  actOnPlan: defineRoute({
    method: 'POST',
    path: '/v1/branches/{branchId}/plans/{year}/actions',
    summary: 'Submit (the branch), approve or return (its township staff)',
    access: rolesAccess('cadre', 'secretary', 'township_staff'),
    params: PlanPath,
    body: PlanActionBody,
    responses: { 200: Plan, 409: ErrorBody },
  }),
  getTaskProgress: defineRoute({
    method: 'GET',
    path: '/v1/branches/{branchId}/plans/{year}/tasks/{taskId}',
    summary: 'A key task’s progress: its updates with evidence, and the daily report items that named it',
    access: rolesAccess('cadre', 'secretary', 'township_staff', 'leader', 'district_admin', 'inspector'),
    params: TaskPath,
    responses: { 200: TaskProgress },
  }),
  addTaskUpdate: defineRoute({
    method: 'POST',
    path: '/v1/branches/{branchId}/plans/{year}/tasks/{taskId}/updates',
    summary: 'The branch reports progress on a key task of its approved plan: status, percentage, evidence',
    access: rolesAccess('cadre', 'secretary'),
    params: TaskPath,
    body: TaskUpdateBody,
    responses: { 201: TaskProgress, 409: ErrorBody },
  }),
  presignEvidence: defineRoute({
    method: 'POST',
    path: '/v1/uploads/evidence',
    summary: 'A presigned POST for one evidence photo of a branch’s plan (≤ 2 MB)',
    access: rolesAccess('cadre', 'secretary'),
    body: PresignEvidenceBody,
    responses: { 200: PresignedUpload },
  }),
  scheduleBackwards: defineRoute({
    method: 'POST',
    path: '/v1/plans/schedule-backwards',
    summary: '倒排工期: milestone dates proposed backwards from the evaluation date',
    access: rolesAccess(...OFFICIAL_ROLES),
    body: ScheduleBackwardsBody,
    responses: { 200: ScheduleBackwardsResult },
  }),
  getDistrictBoard: defineRoute({
    method: 'GET',
    path: '/v1/board/{year}',
    summary: '挂图作战 of the district: plan against actual per township in the caller’s reach, overdue first',
    access: rolesAccess('township_staff', 'leader', 'inspector', 'district_admin'),
    params: BoardYearPath,
    responses: { 200: DistrictBoard },
  }),
  getTownshipBoard: defineRoute({
    method: 'GET',
    path: '/v1/townships/{townshipId}/board/{year}',
    summary: '挂图作战 of a township: plan against actual per branch and star, overdue milestones first, with 双过半',
    access: rolesAccess('township_staff', 'leader', 'inspector', 'district_admin'),
    params: TownshipBoardPath,
    responses: { 200: TownshipBoard },
  }),
  getBranchBoard: defineRoute({
    method: 'GET',
    path: '/v1/branches/{branchId}/board/{year}',
    summary: 'One branch’s sheet: its board row, tasks and milestones, responsibles and vetoes (四个一口清, 一图一表一清单)',
    access: rolesAccess('cadre', 'secretary', 'township_staff', 'leader', 'inspector', 'district_admin'),
    params: BranchBoardPath,
    responses: { 200: BranchBoard },
  }),
} as const;
