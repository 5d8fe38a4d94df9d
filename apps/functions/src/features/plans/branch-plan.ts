import { type BranchType, type PlanContent, type PlanStatus, STAR_SETS } from '@chuangxing/shared';
import { DomainError } from '../../platform/kernel/domain-error';

/** A branch's 创星计划 for a year, as stored: its content, where it is in the approval flow, and its lock version. */
export interface StoredPlan {
  branchId: string;
  branchName: string;
  townshipId: string;
  districtId: string;
  year: number;
  catalogueVersion: number;
  content: PlanContent;
  status: PlanStatus;
  reviewNote?: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/** What any save must respect: the branch type's stars, 保星 within the target, milestones within the year. */
export function checkPlanContent(
  content: PlanContent,
  type: BranchType,
  year: number,
  taskStars: ReadonlyMap<string, string>,
): { path: string; code: string; message: string }[] {
  const set = STAR_SETS[type] as readonly string[];
  const errors: { path: string; code: string; message: string }[] = [];
  const starOk = (field: string, stars: string[]) =>
    stars.forEach((s, i) => {
      if (!set.includes(s)) errors.push({ path: `body.content.${field}.${i}`, code: 'wrong_star_set', message: '不属于本支部的星级' });
    });
  starOk('heldStars', content.heldStars);
  starOk('targetStars', content.targetStars);
  starOk(
    'stars',
    content.stars.map((s) => s.star),
  );
  content.heldStars.forEach((s, i) => {
    if (!content.targetStars.includes(s))
      errors.push({ path: `body.content.heldStars.${i}`, code: 'keep_held', message: '已有的星级应保住，需列入目标' });
  });
  content.tasks.forEach((t, i) => {
    if (!taskStars.has(t.taskId))
      errors.push({ path: `body.content.tasks.${i}.taskId`, code: 'unknown_task', message: '标准中没有这项重点任务' });
    t.milestones.forEach((m, j) => {
      if (!m.due.startsWith(`${year}-`))
        errors.push({ path: `body.content.tasks.${i}.milestones.${j}.due`, code: 'outside_year', message: `节点应在 ${year} 年内` });
    });
  });
  return errors;
}

/** Before submitting: every target star has its responsible person and lead department. */
export function checkPlanComplete(content: PlanContent): { path: string; code: string; message: string }[] {
  return content.targetStars.flatMap((s, i) =>
    content.stars.some((p) => p.star === s)
      ? []
      : [{ path: `body.content.targetStars.${i}`, code: 'no_responsible', message: '每颗目标星都要有负责人和牵头部门' }],
  );
}

export function nextPlanStatus(status: PlanStatus, action: 'submit' | 'approve' | 'return'): PlanStatus {
  if (action === 'submit' && (status === 'draft' || status === 'returned')) return 'submitted';
  if (action === 'approve' && status === 'submitted') return 'approved';
  if (action === 'return' && status === 'submitted') return 'returned';
  throw new DomainError('ILLEGAL_TRANSITION', '计划当前状态下不能进行该操作，请刷新后重试');
}
