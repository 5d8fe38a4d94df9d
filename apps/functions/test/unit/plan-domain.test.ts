import { describe, expect, it } from 'vitest';
import { scheduleBackwards } from '../../src/features/plans/backward-schedule';
import { checkPlanComplete, checkPlanContent, nextPlanStatus } from '../../src/features/plans/branch-plan';
import { doneAtAfter, reportedPercent } from '../../src/features/plans/task-progress';
import { calendarMonths as scheduleMonths } from '../../src/features/reports/reports.readers';
import { WorkingCalendar } from '../../src/platform/kernel/working-calendar';

describe('倒排工期', () => {
  it('places the last milestone the buffer before the evaluation and spreads the rest over working days', () => {
    // From Friday 2026-11-27 to an evaluation on Monday 2026-12-21, keeping 5 working days to prepare.
    const dates = scheduleBackwards('2026-11-27', '2026-12-21', 3, 5);
    expect(dates).toEqual(['2026-12-03', '2026-12-08', '2026-12-11']); // 15 working days, the last 5 kept free
    for (const d of dates) expect([0, 6]).not.toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
    expect([...dates].sort()).toEqual(dates);
  });

  it('skips holidays and refuses a schedule that cannot fit', () => {
    expect(scheduleBackwards('2026-11-27', '2026-12-05', 2, 0, new WorkingCalendar({ holidays: ['2026-12-02'] }))).toEqual([
      '2026-12-01',
      '2026-12-04',
    ]);
    expect(() => scheduleBackwards('2026-11-27', '2026-12-01', 3, 0)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('one milestone lands on the last usable working day', () => {
    expect(scheduleBackwards('2026-11-27', '2026-12-21', 1, 0)).toEqual(['2026-12-18']);
  });
});

describe('plan rules', () => {
  const taskStars = new Map([['industry-t1', 'industry']]);
  const base = {
    heldStars: ['branch_strong' as const],
    targetStars: ['branch_strong' as const, 'industry' as const],
    stars: [],
    tasks: [],
  };

  it('stars must be the branch type’s, held stars stay in the target, milestones stay in the year', () => {
    expect(checkPlanContent(base, 'rural', 2026, taskStars)).toEqual([]);
    const errs = checkPlanContent(
      {
        heldStars: ['ecology'],
        targetStars: ['harmony'],
        stars: [],
        tasks: [{ taskId: 'nope', owner: '李明', milestones: [{ title: '启动', due: '2027-01-05' }] }],
      },
      'rural',
      2026,
      taskStars,
    );
    expect(errs.map((e) => e.code).sort()).toEqual(['keep_held', 'outside_year', 'unknown_task', 'wrong_star_set']);
  });

  it('submitting needs a responsible person for every target star', () => {
    expect(checkPlanComplete(base).map((e) => e.path)).toEqual(['body.content.targetStars.0', 'body.content.targetStars.1']);
  });

  it('moves draft → submitted → approved or returned, and returned → submitted again', () => {
    expect(nextPlanStatus('draft', 'submit')).toBe('submitted');
    expect(nextPlanStatus('submitted', 'return')).toBe('returned');
    expect(nextPlanStatus('returned', 'submit')).toBe('submitted');
    expect(nextPlanStatus('submitted', 'approve')).toBe('approved');
    expect(() => nextPlanStatus('approved', 'submit')).toThrow();
    expect(() => nextPlanStatus('draft', 'approve')).toThrow();
  });
});

describe('倒排工期: the months whose holidays count', () => {
  it('lists every month from today’s to the evaluation’s, across a new year', () => {
    expect(scheduleMonths('2026-11-27', '2027-02-10')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(scheduleMonths('2026-11-27', '2026-11-30')).toEqual(['2026-11']);
  });

  it('stops at 24 months, and lists none for an evaluation in an earlier month', () => {
    const months = scheduleMonths('2026-01-15', '2030-06-01');
    expect(months).toHaveLength(24);
    expect([months[0], months[23]]).toEqual(['2026-01', '2027-12']);
    expect(scheduleMonths('2026-11-27', '2026-10-01')).toEqual([]);
  });
});

describe('key-task progress', () => {
  it('a task reported done is at 100 %', () => {
    expect(reportedPercent('done', 40)).toBe(100);
    expect(reportedPercent('in_progress', 40)).toBe(40);
    expect(reportedPercent('blocked', 0)).toBe(0);
  });

  it('keeps when the task first became done while it stays done; forgets it once it is reopened', () => {
    const at = '2026-07-02T02:00:00.000Z';
    expect(doneAtAfter(undefined, 'done', at)).toBe(at);
    expect(doneAtAfter({ status: 'in_progress' }, 'done', at)).toBe(at);
    expect(doneAtAfter({ status: 'done', doneAt: '2026-06-20T02:00:00.000Z' }, 'done', at)).toBe('2026-06-20T02:00:00.000Z');
    // A done state without doneAt (written before it was recorded) starts counting now.
    expect(doneAtAfter({ status: 'done' }, 'done', at)).toBe(at);
    expect(doneAtAfter({ status: 'done', doneAt: '2026-06-20T02:00:00.000Z' }, 'in_progress', at)).toBeUndefined();
  });
});
