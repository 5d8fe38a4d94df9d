import '../zod-config';
import * as z from 'zod/mini';
import { Star } from '../enums';
import { Id, IsoDateTime } from './common.contract';
import { DayKey } from './daily-report.contract';

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

const Short = (max: number, empty: string) => z.string().check(z.trim(), z.minLength(1, empty), z.maxLength(max, `不能超过 ${max} 个字`));

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
  heldStars: z.array(Star).check(z.maxLength(5)),
  /** The stars it aims for this year (蹦一蹦够得着): at least what it holds. */
  targetStars: z.array(Star).check(z.minLength(1, '请选择目标星级'), z.maxLength(5)),
  stars: z.array(PlanStar).check(z.maxLength(5)),
  tasks: z.array(PlanTask).check(z.maxLength(30)),
});
export type PlanContent = z.infer<typeof PlanContent>;

export const Plan = z.object({
  branchId: Id,
  branchName: z.string(),
  townshipId: Id,
  year: z.int(),
  catalogueVersion: z.int(),
  content: PlanContent,
  status: PlanStatus,
  /** The township's note when it returned or approved the plan. */
  reviewNote: z.optional(z.string()),
  version: z.int(),
  updatedAt: IsoDateTime,
});
export type Plan = z.infer<typeof Plan>;

export const PlanPath = z.strictObject({ branchId: Id, year: z.coerce.number().check(z.int(), z.minimum(2020), z.maximum(2100)) });
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
  note: z._default(z.string().check(z.trim(), z.maxLength(500, '不能超过 500 个字')), ''),
  evidence: z._default(z.array(EvidenceKey).check(z.maxLength(9, '最多 9 张')), []),
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
  year: z.coerce.number().check(z.int(), z.minimum(2020), z.maximum(2100)),
  taskId: Id,
});
export const PresignEvidenceBody = z.strictObject({
  branchId: Id,
  year: z.int().check(z.minimum(2020), z.maximum(2100)),
  contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  size: z.int().check(z.minimum(1), z.maximum(2 * 1024 * 1024)),
});
export type PresignEvidenceBody = z.infer<typeof PresignEvidenceBody>;
