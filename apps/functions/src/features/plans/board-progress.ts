import {
  type BoardTask,
  type BranchBoardRow,
  type BranchType,
  type Catalogue,
  type DoubleHalf,
  STAR_SETS,
  type Star,
  type TaskStatus,
} from '@chuangxing/shared';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import type { StoredPlan } from './branch-plan';
import type { TaskLatest } from './task-progress';

/** What the board needs of a 问题清单 item. */
export interface FindingRow {
  branchId: string;
  star: Star;
  status: string;
  deadline: string;
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((100 * part) / whole) : 0);
const mean = (xs: number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : 0);

/** The day the board is read as of: today, but never past the plan's year. */
export function boardDay(year: number, today: string): string {
  const last = `${year}-12-31`;
  return today > last ? last : today;
}

/**
 * A task's milestones against its reported percentage: milestone k of n is met once the task is done or has
 * reached k/n of the way; it is overdue when its day has passed unmet. Planned = the share of milestones due.
 */
export function taskAgainstPlan(milestones: { title: string; due: string }[], status: TaskStatus, percent: number, asOf: string) {
  const sorted = [...milestones].sort((a, b) => a.due.localeCompare(b.due));
  const n = sorted.length;
  const rows = sorted.map((m, i) => {
    const met = status === 'done' || percent >= Math.round(((i + 1) * 100) / n);
    return { title: m.title, due: m.due, met, overdue: !met && m.due < asOf };
  });
  return { milestones: rows, plannedPercent: pct(sorted.filter((m) => m.due <= asOf).length, n) };
}

/** 双过半: judged on 30 June from when each task became done; before that day, a running count. */
export function doubleHalf(
  year: number,
  asOf: string,
  approved: boolean,
  latest: readonly Pick<TaskLatest, 'status' | 'doneAt'>[],
  total: number,
): DoubleHalf {
  const checkDay = `${year}-06-30`;
  if (!approved || total === 0) return { status: 'no_plan', checkDay, total, done: 0 };
  if (asOf < checkDay) return { status: 'pending', checkDay, total, done: latest.filter((t) => t.status === 'done').length };
  const done = latest.filter((t) => t.status === 'done' && t.doneAt && shanghaiDay(new Date(t.doneAt)) <= checkDay).length;
  return { status: done * 2 >= total ? 'passed' : 'failed', checkDay, total, done };
}

export interface BranchSheetInput {
  branch: { id: string; name: string; type: BranchType };
  plan?: StoredPlan;
  /** taskId → star and title, from the catalogue version the plan refers to. */
  taskInfo: ReadonlyMap<string, { star: Star; title: string }>;
  latest: readonly TaskLatest[];
  findings: readonly FindingRow[];
  asOf: string;
}

/** taskId → star and title, from a catalogue's set for the branch type. */
export function taskInfoOf(catalogue: Catalogue, type: BranchType): Map<string, { star: Star; title: string }> {
  return new Map(catalogue.content[type].flatMap((s) => s.tasks.map((t) => [t.id, { star: s.star, title: t.title }] as const)));
}

/** One branch: its tasks against plan, then per star and in total. Progress counts only once the plan is approved. */
export function branchSheet(input: BranchSheetInput): { row: BranchBoardRow; tasks: BoardTask[] } {
  const { branch, plan, taskInfo, asOf } = input;
  const approved = plan?.status === 'approved';
  const latestById = new Map(input.latest.map((l) => [l.taskId, l]));
  const tasks: BoardTask[] = (plan?.content.tasks ?? []).map((t) => {
    const l = approved ? latestById.get(t.taskId) : undefined;
    const info = taskInfo.get(t.taskId);
    const status = l?.status ?? 'not_started';
    const percent = l?.percent ?? 0;
    const against = taskAgainstPlan(t.milestones, status, percent, asOf);
    return {
      taskId: t.taskId,
      title: info?.title ?? t.taskId,
      star: info?.star ?? l?.star ?? 'branch_strong',
      owner: t.owner,
      status,
      percent,
      ...against,
    };
  });
  const open = input.findings.filter((f) => f.status !== 'closed');
  const overdue = open.filter((f) => f.deadline < asOf);
  const held = plan?.content.heldStars ?? [];
  const target = plan?.content.targetStars ?? [];
  const stars = STAR_SETS[branch.type].map((star) => {
    const mine = tasks.filter((t) => t.star === star);
    return {
      star,
      target: target.includes(star),
      held: held.includes(star),
      tasks: mine.length,
      done: mine.filter((t) => t.status === 'done').length,
      plannedPercent: mean(mine.map((t) => t.plannedPercent)),
      actualPercent: mean(mine.map((t) => t.percent)),
      overdueMilestones: mine.reduce((n, t) => n + t.milestones.filter((m) => m.overdue).length, 0),
      openFindings: open.filter((f) => f.star === star).length,
      overdueFindings: overdue.filter((f) => f.star === star).length,
    };
  });
  const year = plan?.year ?? Number(asOf.slice(0, 4));
  const row: BranchBoardRow = {
    branchId: branch.id,
    branchName: branch.name,
    type: branch.type,
    planStatus: plan?.status ?? 'none',
    heldStars: held,
    targetStars: target,
    stars,
    tasks: tasks.length,
    done: tasks.filter((t) => t.status === 'done').length,
    plannedPercent: mean(tasks.map((t) => t.plannedPercent)),
    actualPercent: mean(tasks.map((t) => t.percent)),
    overdueMilestones: stars.reduce((n, s) => n + s.overdueMilestones, 0),
    openFindings: open.length,
    overdueFindings: overdue.length,
    doubleHalf: doubleHalf(
      year,
      asOf,
      approved,
      approved ? plan.content.tasks.map((t) => latestById.get(t.taskId) ?? { status: 'not_started' as const }) : [],
      tasks.length,
    ),
  };
  // Overdue milestones first inside the sheet too.
  tasks.sort(
    (a, b) =>
      b.milestones.filter((m) => m.overdue).length - a.milestones.filter((m) => m.overdue).length ||
      b.plannedPercent - b.percent - (a.plannedPercent - a.percent),
  );
  return { row, tasks };
}

/** 挂图作战 order: overdue milestones first, then the widest gap behind plan, overdue findings, then by name. */
export function byUrgency(a: BranchBoardRow, b: BranchBoardRow): number {
  return (
    b.overdueMilestones - a.overdueMilestones ||
    b.plannedPercent - b.actualPercent - (a.plannedPercent - a.actualPercent) ||
    b.overdueFindings - a.overdueFindings ||
    a.branchName.localeCompare(b.branchName, 'zh-Hans-CN')
  );
}
