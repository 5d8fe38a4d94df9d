/**
 * 创星计划 form helpers: the editable draft, the content it sends, and where a field problem (ours or the
 * server's) shows. Plain functions, so the page stays about layout.
 */
import { type BranchType, type CatalogueStar, type Me, type Plan, type PlanContent, STAR_SETS, type Star } from '@chuangxing/shared';
import { staffTownshipIds } from '../../services/me-helpers';

export interface DraftMilestone {
  title: string;
  due: string;
  /** Keeps the row (and what is typed in it) when another milestone is removed; never sent. */
  key: string;
}

export interface DraftTask {
  taskId: string;
  owner: string;
  milestones: DraftMilestone[];
}

export interface PlanDraft {
  heldStars: Star[];
  targetStars: Star[];
  /** Per target star: 负责人 and 牵头部门 (kept for a star switched off and on again). */
  stars: Partial<Record<Star, { responsible: string; leadDepartment: string }>>;
  tasks: DraftTask[];
}

let milestoneSeq = 0;
/** A fresh row key for a milestone. */
export function milestoneKey(): string {
  milestoneSeq += 1;
  return `milestone-${milestoneSeq}`;
}

export const emptyMilestone = (): DraftMilestone => ({ title: '', due: '', key: milestoneKey() });

export function draftOf(content: PlanContent): PlanDraft {
  const stars: PlanDraft['stars'] = {};
  for (const s of content.stars) stars[s.star] = { responsible: s.responsible, leadDepartment: s.leadDepartment };
  return {
    heldStars: [...content.heldStars],
    targetStars: [...content.targetStars],
    stars,
    tasks: content.tasks.map((t) => ({
      taskId: t.taskId,
      owner: t.owner,
      milestones: t.milestones.map((m) => ({ ...m, key: milestoneKey() })),
    })),
  };
}

/** 保星 ⊂ 目标: a held star is always a target; dropping a target drops it from the held stars too. */
export function toggleHeld(draft: PlanDraft, star: Star): PlanDraft {
  if (draft.heldStars.includes(star)) return { ...draft, heldStars: draft.heldStars.filter((s) => s !== star) };
  return {
    ...draft,
    heldStars: [...draft.heldStars, star],
    targetStars: draft.targetStars.includes(star) ? draft.targetStars : [...draft.targetStars, star],
  };
}

export function toggleTarget(draft: PlanDraft, star: Star): PlanDraft {
  if (!draft.targetStars.includes(star)) return { ...draft, targetStars: [...draft.targetStars, star] };
  return { ...draft, targetStars: draft.targetStars.filter((s) => s !== star), heldStars: draft.heldStars.filter((s) => s !== star) };
}

/** The star a catalogue task belongs to. */
export function starOfTask(stars: readonly CatalogueStar[], taskId: string): Star | undefined {
  return stars.find((s) => s.tasks.some((t) => t.id === taskId))?.star;
}

/** What 保存 sends: stars in the set's order, only the tasks of target stars, text trimmed. */
export function contentOf(draft: PlanDraft, type: BranchType, catalogue: readonly CatalogueStar[]): PlanContent {
  const set = STAR_SETS[type];
  const targetStars = set.filter((s) => draft.targetStars.includes(s));
  return {
    heldStars: set.filter((s) => draft.heldStars.includes(s)),
    targetStars,
    stars: targetStars.map((star) => ({
      star,
      responsible: (draft.stars[star]?.responsible ?? '').trim(),
      leadDepartment: (draft.stars[star]?.leadDepartment ?? '').trim(),
    })),
    tasks: draft.tasks
      .filter((t) => {
        const star = starOfTask(catalogue, t.taskId);
        return star !== undefined && targetStars.includes(star);
      })
      .map((t) => ({
        taskId: t.taskId,
        owner: t.owner.trim(),
        milestones: t.milestones.map((m) => ({ title: m.title.trim(), due: m.due.trim() })),
      })),
  };
}

/**
 * The form key of a problem path ("content.stars.0.responsible", with or without "body."), given the content sent:
 * `star.<star>.responsible`, `task.<taskId>.owner`, `task.<taskId>.milestones.<i>.due`, `targetStars`, else `form`.
 */
export function problemKey(path: string, content: PlanContent): string {
  const p = path.replace(/^body\./, '').replace(/^content\./, '');
  const star = /^stars\.(\d+)\.(responsible|leadDepartment)/.exec(p);
  if (star) {
    const s = content.stars[Number(star[1])];
    return s ? `star.${s.star}.${star[2]}` : 'form';
  }
  const task = /^tasks\.(\d+)(?:\.(owner|milestones)(?:\.(\d+)\.(title|due))?)?/.exec(p);
  if (task) {
    const t = content.tasks[Number(task[1])];
    if (!t) return 'form';
    if (task[3] !== undefined) return `task.${t.taskId}.milestones.${task[3]}.${task[4]}`;
    return task[2] ? `task.${t.taskId}.${task[2]}` : 'form';
  }
  if (/^(targetStars|heldStars)/.test(p)) return 'targetStars';
  return 'form';
}

/** The branch's own 支部干部 / 书记 (they write the plan). */
export function writesPlan(me: Me | undefined, branchId: string): boolean {
  if (!me) return false;
  return me.bindings.some(
    (b) => !b.revokedAt && (b.role === 'cadre' || b.role === 'secretary') && b.scope.level === 'branch' && b.scope.branchId === branchId,
  );
}

/** Township staff of the plan's township (they approve or return it). */
export function reviewsPlan(me: Me | undefined, plan: Pick<Plan, 'townshipId'>): boolean {
  return staffTownshipIds(me).includes(plan.townshipId);
}

export const editableStatus = (plan: Pick<Plan, 'status'>) => plan.status === 'draft' || plan.status === 'returned';
