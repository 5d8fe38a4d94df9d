import { describe, expect, it } from 'vitest';
import type { StoredPlan } from '../../src/features/plans/branch-plan';
import { plansEntities as e } from '../../src/features/plans/plans.entities';
import type { StoredTaskUpdate } from '../../src/features/plans/task-progress';

/** The stored layout of plans, task updates and task rollups: existing items must keep reading and indexing. */
describe('plans entities keep the stored layout', () => {
  const plan: StoredPlan = {
    branchId: 'b1',
    branchName: '一村',
    townshipId: 't1',
    districtId: 'erqi',
    year: 2026,
    catalogueVersion: 1,
    content: { heldStars: [], targetStars: ['branch_strong'], stars: [], tasks: [] },
    status: 'submitted',
    version: 2,
    updatedAt: '2026-03-01T00:00:00.000Z',
    updatedBy: 'u1',
  };

  it('a plan: BR#{b} / PLAN#{year}, indexed by township, year and status', () => {
    const item = e.plan.item({ branchId: 'b1', year: 2026 }, plan);
    expect(item).toEqual({
      pk: 'BR#b1',
      sk: 'PLAN#2026',
      gsi1pk: 'TWN#t1#PLANS#2026',
      gsi1sk: 'submitted#b1',
      entity: 'plan',
      ...plan,
    });
    expect(e.townshipPlans('t1', 2026)).toBe(item.gsi1pk);
    expect(e.plan.parse({ ...item, reviewNote: '请补充' })).toEqual({ ...plan, reviewNote: '请补充' });
  });

  it('a task update: appended under the task’s prefix, by time then id', () => {
    const u: StoredTaskUpdate = {
      id: 'u1',
      taskId: 'bs-1',
      status: 'in_progress',
      percent: 40,
      note: '',
      evidence: ['plan-evidence/b1/2026/x.jpg'],
      at: '2026-04-01T02:00:00.000Z',
      by: 'u9',
      byName: '张',
    };
    const item = e.taskUpdate.item({ branchId: 'b1', year: 2026, taskId: 'bs-1', at: u.at, id: u.id }, u);
    expect(item).toEqual({ pk: 'BR#b1', sk: 'PLAN#2026#TASK#bs-1#U#2026-04-01T02:00:00.000Z#u1', entity: 'task-update', ...u });
    expect(e.taskUpdates('b1', 2026, 'bs-1')).toEqual({ pk: 'BR#b1', skPrefix: 'PLAN#2026#TASK#bs-1#U#' });
    expect(e.taskUpdate.parse(item)).toEqual(u);
  });

  it('a task’s latest state: under the branch, indexed by township and year; the township and year are not stored', () => {
    const state = {
      branchId: 'b1',
      taskId: 'bs-1',
      star: 'branch_strong' as const,
      status: 'done' as const,
      percent: 100,
      at: '2026-04-01T02:00:00.000Z',
      doneAt: '2026-04-01T02:00:00.000Z',
    };
    const item = e.taskLatest.item({ branchId: 'b1', year: 2026, taskId: 'bs-1' }, { ...state, townshipId: 't1', year: 2026 });
    expect(item).toEqual({
      pk: 'BR#b1',
      sk: 'PLAN#2026#LATEST#bs-1',
      gsi1pk: 'TWN#t1#PROG#2026',
      gsi1sk: 'b1#bs-1',
      entity: 'task-latest',
      ...state,
    });
    expect(e.townshipTaskLatest('t1', 2026)).toBe(item.gsi1pk);
    expect(e.branchTaskLatest('b1', 2026)).toEqual({ pk: 'BR#b1', skPrefix: 'PLAN#2026#LATEST#' });
    expect(e.taskLatest.parse(item)).toEqual(state);
  });
});
