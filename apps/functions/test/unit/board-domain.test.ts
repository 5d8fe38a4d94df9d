import { describe, expect, it } from 'vitest';
import { boardDay, branchSheet, byUrgency, doubleHalf, taskAgainstPlan, taskInfoOf } from '../../src/features/plans/board-progress';
import type { StoredPlan } from '../../src/features/plans/branch-plan';
import type { TaskLatest } from '../../src/features/plans/task-progress';

const ms = (...dues: string[]) => dues.map((due, i) => ({ title: `节点${i + 1}`, due }));

describe('挂图作战: a task against its milestones', () => {
  it('counts the milestones due by the day as planned and marks unmet past ones overdue', () => {
    const r = taskAgainstPlan(ms('2026-03-31', '2026-06-30', '2026-09-30', '2026-12-15'), 'in_progress', 30, '2026-07-01');
    expect(r.plannedPercent).toBe(50);
    // 30 % meets the first quarter (25 %) but not the second (50 %), which is past.
    expect(r.milestones.map((m) => [m.met, m.overdue])).toEqual([
      [true, false],
      [false, true],
      [false, false],
      [false, false],
    ]);
  });

  it('a milestone due today is planned but not yet overdue; a done task meets every milestone', () => {
    const today = taskAgainstPlan(ms('2026-07-01'), 'not_started', 0, '2026-07-01');
    expect([today.plannedPercent, today.milestones[0].overdue]).toEqual([100, false]);
    const done = taskAgainstPlan(ms('2026-02-01', '2026-03-01'), 'done', 100, '2026-12-31');
    expect(done.milestones.every((m) => m.met && !m.overdue)).toBe(true);
  });

  it('sorts milestones by day whatever order they were written in', () => {
    const r = taskAgainstPlan(ms('2026-09-30', '2026-03-31'), 'in_progress', 50, '2026-04-01');
    expect(r.milestones.map((m) => [m.due, m.met])).toEqual([
      ['2026-03-31', true],
      ['2026-09-30', false],
    ]);
  });

  it('reads a past year as of its last day', () => {
    expect(boardDay(2025, '2026-03-01')).toBe('2025-12-31');
    expect(boardDay(2026, '2026-03-01')).toBe('2026-03-01');
  });
});

describe('双过半', () => {
  const done = (doneAt: string) => ({ status: 'done' as const, doneAt });
  it('passes when at least half the tasks were done by 30 June (Asia/Shanghai)', () => {
    // 2026-06-30T15:59Z is 23:59 on 30 June in Shanghai; 16:00Z is already 1 July.
    const tasks = [
      done('2026-06-30T15:59:00.000Z'),
      done('2026-05-01T02:00:00.000Z'),
      { status: 'in_progress' as const },
      { status: 'not_started' as const },
    ];
    expect(doubleHalf(2026, '2026-07-10', true, tasks, 4)).toEqual({ status: 'passed', checkDay: '2026-06-30', total: 4, done: 2 });
    const late = [
      done('2026-06-30T16:00:00.000Z'),
      done('2026-05-01T02:00:00.000Z'),
      { status: 'in_progress' as const },
      { status: 'not_started' as const },
    ];
    expect(doubleHalf(2026, '2026-07-10', true, late, 4)).toMatchObject({ status: 'failed', done: 1 });
  });

  it('odd totals need more than half rounded up; before mid-year it is a running count', () => {
    const tasks = [done('2026-03-01T00:00:00.000Z'), { status: 'not_started' as const }, { status: 'not_started' as const }];
    expect(doubleHalf(2026, '2026-08-01', true, tasks, 3).status).toBe('failed');
    expect(doubleHalf(2026, '2026-06-29', true, tasks, 3)).toEqual({ status: 'pending', checkDay: '2026-06-30', total: 3, done: 1 });
  });

  it('no approved plan (or no task) is not judged', () => {
    expect(doubleHalf(2026, '2026-08-01', false, [], 3).status).toBe('no_plan');
    expect(doubleHalf(2026, '2026-08-01', true, [], 0).status).toBe('no_plan');
  });
});

describe('a branch sheet', () => {
  const plan = (status: StoredPlan['status']): StoredPlan => ({
    branchId: 'b1',
    branchName: '一村',
    townshipId: 't1',
    districtId: 'd',
    year: 2026,
    catalogueVersion: 1,
    status,
    version: 3,
    updatedAt: '2026-03-01T00:00:00.000Z',
    updatedBy: 'u',
    content: {
      heldStars: ['branch_strong'],
      targetStars: ['branch_strong', 'industry'],
      stars: [],
      tasks: [
        { taskId: 'bs-1', owner: '张', milestones: ms('2026-04-30') },
        { taskId: 'in-1', owner: '李', milestones: ms('2026-03-31', '2026-09-30') },
        { taskId: 'in-2', owner: '李', milestones: ms('2026-10-31') },
      ],
    },
  });
  const taskInfo = new Map([
    ['bs-1', { star: 'branch_strong' as const, title: '三会一课' }],
    ['in-1', { star: 'industry' as const, title: '一村一品' }],
    ['in-2', { star: 'industry' as const, title: '合作社' }],
  ]);
  const latest: TaskLatest[] = [
    {
      branchId: 'b1',
      taskId: 'bs-1',
      star: 'branch_strong',
      status: 'done',
      percent: 100,
      at: '2026-04-01T00:00:00.000Z',
      doneAt: '2026-04-01T00:00:00.000Z',
    },
    { branchId: 'b1', taskId: 'in-1', star: 'industry', status: 'in_progress', percent: 20, at: '2026-04-01T00:00:00.000Z' },
  ];
  const branch = { id: 'b1', name: '一村', type: 'rural' as const };

  it('rolls tasks up per star and in total, with findings against their star', () => {
    const { row, tasks } = branchSheet({
      branch,
      plan: plan('approved'),
      taskInfo,
      latest,
      findings: [
        { branchId: 'b1', star: 'industry', status: 'open', deadline: '2026-06-01' },
        { branchId: 'b1', star: 'industry', status: 'fix_submitted', deadline: '2026-08-01' },
        { branchId: 'b1', star: 'ecology', status: 'closed', deadline: '2026-05-01' },
      ],
      asOf: '2026-07-01',
    });
    const industry = row.stars.find((s) => s.star === 'industry')!;
    // in-1: 1 of 2 milestones due (50), 20 % < 50 % → its March milestone is overdue; in-2: nothing due.
    expect(industry).toEqual({
      star: 'industry',
      target: true,
      held: false,
      tasks: 2,
      done: 0,
      plannedPercent: 25,
      actualPercent: 10,
      overdueMilestones: 1,
      openFindings: 2,
      overdueFindings: 1,
    });
    expect(row.stars.map((s) => s.star)).toEqual(['branch_strong', 'industry', 'ecology', 'safety_law', 'civility']);
    expect(row).toMatchObject({
      tasks: 3,
      done: 1,
      plannedPercent: 50,
      actualPercent: 40,
      overdueMilestones: 1,
      openFindings: 2,
      overdueFindings: 1,
    });
    expect(row.doubleHalf).toMatchObject({ status: 'failed', done: 1, total: 3 });
    expect(tasks[0].taskId).toBe('in-1'); // the overdue one leads
    expect(tasks.find((t) => t.taskId === 'bs-1')).toMatchObject({ title: '三会一课', status: 'done', percent: 100 });
  });

  it('a plan not yet approved shows its plan but no progress', () => {
    const { row } = branchSheet({ branch, plan: plan('submitted'), taskInfo, latest, findings: [], asOf: '2026-07-01' });
    expect(row).toMatchObject({ planStatus: 'submitted', tasks: 3, done: 0, actualPercent: 0, doubleHalf: { status: 'no_plan' } });
  });

  it('a branch without a plan is a row of zeros', () => {
    const { row } = branchSheet({ branch, taskInfo: new Map(), latest: [], findings: [], asOf: '2026-07-01' });
    expect(row).toMatchObject({ planStatus: 'none', tasks: 0, plannedPercent: 0, targetStars: [] });
  });

  it('orders branches overdue first, then by the gap behind plan', () => {
    const row = (name: string, overdueMilestones: number, plannedPercent: number, actualPercent: number) => ({
      ...branchSheet({ branch: { ...branch, name }, taskInfo: new Map(), latest: [], findings: [], asOf: '2026-07-01' }).row,
      overdueMilestones,
      plannedPercent,
      actualPercent,
    });
    const sorted = [row('甲', 0, 50, 50), row('乙', 0, 80, 20), row('丙', 2, 10, 10), row('丁', 0, 50, 50)].sort(byUrgency);
    expect(sorted.map((r) => r.branchName)).toEqual(['丙', '乙', '丁', '甲']);
  });
});

describe('a sheet’s task titles', () => {
  it('maps each key task of the branch type’s set to its star and title', () => {
    const catalogue = {
      version: 2,
      publishedAt: '2026-01-01T00:00:00.000Z',
      note: '',
      counts: { rural: 2, community: 1 },
      content: {
        rural: [
          { star: 'branch_strong' as const, tasks: [{ id: 'bs-1', title: '三会一课' }], vetoes: [] },
          { star: 'industry' as const, tasks: [{ id: 'in-1', title: '一村一品' }], vetoes: [] },
        ],
        community: [{ star: 'business' as const, tasks: [{ id: 'bu-1', title: '商户联系' }], vetoes: [] }],
      },
    };
    expect([...taskInfoOf(catalogue, 'rural')]).toEqual([
      ['bs-1', { star: 'branch_strong', title: '三会一课' }],
      ['in-1', { star: 'industry', title: '一村一品' }],
    ]);
    expect([...taskInfoOf(catalogue, 'community').keys()]).toEqual(['bu-1']);
  });
});
