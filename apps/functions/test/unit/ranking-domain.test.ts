import { DEFAULT_SCORING_MODEL, type ScoringModelContent } from '@chuangxing/shared';
import { describe, expect, it } from 'vitest';
import {
  type BranchInputs,
  compareCards,
  dailyReportScore,
  dueDays,
  findingsAt,
  heldOn,
  improvementScore,
  keyTaskScore,
  lastDueDay,
  lettersScore,
  mostImproved,
  observationScore,
  quarterRange,
  quarterToRank,
  scoreBranch,
  scoreTownship,
  starCards,
  taskStateAtQuarterEnd,
} from '../../src/features/rankings/ranking';
import type { InspectionFindingRow, KeyTaskProgressRow, ObservationResultRow } from '../../src/features/rankings/scoring-inputs';

const Q3 = quarterRange('2026-Q3');
const model: ScoringModelContent = structuredClone(DEFAULT_SCORING_MODEL);
const ctx = { model, range: Q3, asOfDay: '2026-09-30' };

const obs = (month: string, overall: number, perStar: ObservationResultRow['perStar'] = {}): ObservationResultRow => ({
  branchId: 'b1',
  observationId: `o-${month}-${overall}`,
  month,
  perStar,
  overall,
  observerCount: 3,
});
const progress: KeyTaskProgressRow[] = [
  {
    branchId: 'b1',
    year: 2026,
    tasks: [
      { taskId: 't1', star: 'industry', status: 'in_progress', percent: 40, at: '2026-08-01T02:00:00.000Z' },
      { taskId: 't1', star: 'industry', status: 'in_progress', percent: 60, at: '2026-09-10T02:00:00.000Z' },
      // After quarter end (2026-09-30T16:00Z is midnight in Shanghai): not counted for Q3.
      { taskId: 't1', star: 'industry', status: 'done', percent: 100, at: '2026-09-30T16:00:00.000Z' },
      { taskId: 't2', star: 'ecology', status: 'done', percent: 80, at: '2026-09-30T15:59:59.000Z' },
      { taskId: 't3', star: 'ecology', status: 'not_started', percent: 0, at: '2026-07-02T02:00:00.000Z' },
    ],
  },
];
const finding = (f: Partial<InspectionFindingRow>): InspectionFindingRow => ({
  branchId: 'b1',
  star: 'ecology',
  status: 'open',
  deadline: '2026-10-15',
  createdAt: '2026-08-01T02:00:00.000Z',
  ...f,
});
const findings = [
  finding({}), // open, not yet due: 2 points
  finding({ status: 'fix_submitted', deadline: '2026-09-01' }), // open and overdue: 5
  finding({ status: 'closed', deadline: '2026-09-01', closedAt: '2026-09-15T02:00:00.000Z' }), // closed in time: 0
  finding({ status: 'closed', deadline: '2026-09-20', closedAt: '2026-10-05T02:00:00.000Z' }), // closed only after quarter end, overdue: 5
  finding({ createdAt: '2026-10-03T02:00:00.000Z' }), // next quarter's: 0
];

describe('quarters and due days', () => {
  it('quarter ranges, including the year boundary', () => {
    expect(quarterRange('2026-Q4')).toEqual({
      quarter: '2026-Q4',
      year: 2026,
      start: '2026-10-01',
      end: '2026-12-31',
      months: ['2026-10', '2026-11', '2026-12'],
      previous: '2026-Q3',
    });
    expect(quarterRange('2026-Q1')).toMatchObject({ start: '2026-01-01', end: '2026-03-31', previous: '2025-Q4' });
  });

  it('a preview counts only days whose deadline has passed (Shanghai time); a run after quarter end counts all', () => {
    expect(lastDueDay(Q3, new Date('2026-09-10T13:00:00.000Z'), '22:00')).toBe('2026-09-09'); // 21:00 in Shanghai
    expect(lastDueDay(Q3, new Date('2026-09-10T14:30:00.000Z'), '22:00')).toBe('2026-09-10'); // 22:30
    expect(lastDueDay(Q3, new Date('2026-10-01T01:00:00.000Z'), '22:00')).toBe('2026-09-30');
  });

  it('due days start at the branch’s creation and skip holidays and its own leave only', () => {
    const exemptions = [
      { day: '2026-09-15' },
      { day: '2026-09-20', branchId: 'b1' },
      { day: '2026-09-21', branchId: 'b2' },
      { day: '2026-08-15' },
    ];
    // Created at 00:00 Shanghai on 1 September: 30 days, less one holiday and one leave day.
    expect(dueDays('2026-08-31T16:00:00.000Z', Q3, '2026-09-30', exemptions, 'b1')).toBe(28);
    expect(dueDays('2025-01-01T00:00:00.000Z', Q3, '2026-09-30', exemptions, 'b2')).toBe(92 - 3);
    expect(dueDays('2026-11-01T00:00:00.000Z', Q3, '2026-09-30', [], 'b1')).toBe(0);
  });
});

describe('components (hundredths)', () => {
  it('daily reports: a late report earns the configured share; no due day means no data; over-filing caps at 100', () => {
    expect(dailyReportScore({ submitted: 24, onTime: 20, late: 4 }, 28, 50)).toEqual({
      component: 'dailyReport',
      score: 7857,
      facts: { due: 28, onTime: 20, late: 4, missing: 4 },
    });
    expect(dailyReportScore(undefined, 28, 50).score).toBe(0);
    expect(dailyReportScore(undefined, 0, 50).score).toBeNull();
    expect(dailyReportScore({ submitted: 30, onTime: 30, late: 0 }, 28, 50).score).toBe(10000);
  });

  it('三率: each rate only when it has a denominator, weights renormalised over those present', () => {
    const w = model.letterRateWeights; // 30 / 30 / 40
    const c = { received: 10, respondedInTime: 8, accepted: 6, replied: 3, rated: 4, satisfied: 3 };
    expect(lettersScore(c, w)).toEqual({
      component: 'letters',
      score: 6900,
      facts: { received: 10, responseRate: 80, resolutionRate: 50, satisfactionRate: 75 },
    });
    expect(lettersScore({ ...c, rated: 0, satisfied: 0 }, w).score).toBe(6500); // (30×.8 + 30×.5) / 60
    expect(lettersScore({}, w).score).toBeNull();
    expect(lettersScore(undefined, w).score).toBeNull();
  });

  it('observations: the mean overall score of the quarter’s visits, per star too; other quarters ignored', () => {
    const r = observationScore(
      [obs('2026-07', 80, { industry: 70 }), obs('2026-08', 91, { industry: 90, ecology: 60 }), obs('2026-06', 10)],
      Q3,
    );
    expect([r.score, r.facts]).toEqual([8550, { visits: 2, observers: 6 }]);
    expect(Object.fromEntries(r.perStar)).toEqual({ industry: 8000, ecology: 6000 });
    expect(observationScore([obs('2026-06', 10)], Q3).score).toBeNull();
  });

  it('key tasks: the latest update before quarter end per task, done = 100 %', () => {
    const tasks = taskStateAtQuarterEnd(progress, Q3);
    expect(keyTaskScore(tasks)).toEqual({ component: 'keyTasks', score: 5333, facts: { tasks: 3, done: 1 } }); // (60 + 100 + 0) / 3
    expect(keyTaskScore(taskStateAtQuarterEnd([{ ...progress[0], year: 2025 }], Q3)).score).toBeNull();
  });

  it('findings: open ones cost 2, overdue ones 5, counted at quarter end, capped', () => {
    expect(findingsAt(findings, Q3, '2026-09-30', model.deductions)).toMatchObject({ openFindings: 3, overdueFindings: 2, points: 1200 });
    const many = Array.from({ length: 5 }, () => finding({ deadline: '2026-09-01' }));
    expect(findingsAt(many, Q3, '2026-09-30', model.deductions).points).toBe(2000); // 25 capped at 20
    expect(findingsAt([], Q3, '2026-09-30', model.deductions).points).toBe(0);
  });

  it('improvement: 50 for no change, full marks at +fullScale, 0 at −fullScale, none without a previous quarter', () => {
    expect(improvementScore(0, 20)).toBe(5000);
    expect(improvementScore(2000, 20)).toBe(10000);
    expect(improvementScore(5000, 20)).toBe(10000);
    expect(improvementScore(-2000, 20)).toBe(0);
    expect(improvementScore(709, 20)).toBe(6773); // 5000 + 5000 × 7.09 / 20 = 6772.5
    expect(improvementScore(null, 20)).toBeNull();
  });
});

describe('stars', () => {
  const tasks = taskStateAtQuarterEnd(progress, Q3);
  it('a star is earned at the completion threshold, in progress below it, not started without progress', () => {
    const cards = starCards('rural', tasks, [], ['industry', 'ecology'], new Map(), 100);
    expect(cards.map((c) => [c.star, c.status, c.completion, c.targeted])).toEqual([
      ['branch_strong', 'not_started', 0, false],
      ['industry', 'in_progress', 60, true],
      ['ecology', 'in_progress', 50, true],
      ['safety_law', 'not_started', 0, false],
      ['civility', 'not_started', 0, false],
    ]);
    expect(
      starCards('rural', tasks, [], [], new Map(), 50)
        .filter((c) => c.status === 'earned')
        .map((c) => c.star),
    ).toEqual(['industry', 'ecology']);
  });

  it('a veto item blocks its star only, even when the tasks are complete; a veto closed before the quarter does not', () => {
    const active = findingsAt([finding({ vetoItemId: 'ecology-v1' })], Q3, '2026-09-30', model.deductions).vetoes;
    const cards = starCards('rural', tasks, active, [], new Map(), 50);
    expect(cards.find((c) => c.star === 'ecology')).toMatchObject({ status: 'vetoed', vetoItemIds: ['ecology-v1'] });
    expect(cards.find((c) => c.star === 'industry')?.status).toBe('earned');
    const old = findingsAt(
      [
        finding({
          vetoItemId: 'ecology-v1',
          createdAt: '2026-05-01T00:00:00.000Z',
          status: 'closed',
          closedAt: '2026-06-01T00:00:00.000Z',
        }),
      ],
      Q3,
      '2026-09-30',
      model.deductions,
    ).vetoes;
    expect(old).toEqual([]);
  });
});

const branchInputs = (over: Partial<BranchInputs> = {}): BranchInputs => ({
  branch: { id: 'b1', name: '樱桃沟村', type: 'rural', createdAt: '2026-08-31T16:00:00.000Z' },
  township: { id: 't1', name: '一号镇' },
  counters: { submitted: 24, onTime: 20, late: 4 },
  exemptions: [{ day: '2026-09-15' }, { day: '2026-09-20', branchId: 'b1' }],
  letters: { received: 10, respondedInTime: 8, accepted: 6, replied: 3, rated: 4, satisfied: 3 },
  observations: [obs('2026-07', 80), obs('2026-08', 91)],
  findings,
  taskProgress: progress,
  targetStars: ['industry'],
  heldStars: [],
  previousBase: null,
  ...over,
});

describe('a branch’s quarter', () => {
  it('combines the components by weight, takes off deductions, and has no improvement without a previous quarter', () => {
    const card = scoreBranch(ctx, branchInputs());
    // (5333×35 + 8550×25 + 7857×15 + 6900×10) / 85 = 6908.94 → 6909, less 12 points.
    expect([card.base, card.total, card.delta, card.level]).toEqual([5709, 5709, null, 0]);
    expect(card.components.map((c) => [c.component, c.score, c.applied])).toEqual([
      ['keyTasks', 5333, 4118],
      ['observation', 8550, 2941],
      ['dailyReport', 7857, 1765],
      ['letters', 6900, 1176],
      ['improvement', null, 0],
      // No closed 述职评议: 无数据, its share goes back to the others.
      ['appraisal', null, 0],
    ]);
  });

  it('a closed 述职评议 takes its share (10 of 100) of the total; the base and the other components are unchanged', () => {
    const without = scoreBranch(ctx, branchInputs());
    const card = scoreBranch(ctx, branchInputs({ appraisal: { score: 90, sheets: 5 } }));
    // (587260 × 90 + 9000 × 10 × 100) / (85 × 90 + 1000) = 7150.68 → 7151, less 12 points.
    expect([card.base, card.total]).toEqual([without.base, 5951]);
    expect(card.components.find((c) => c.component === 'appraisal')).toMatchObject({
      score: 9000,
      weight: 10,
      applied: 1156,
      facts: { sheets: 5 },
    });
    // A model published before the share existed ranks as it did.
    const old = scoreBranch(
      { ...ctx, model: { ...ctx.model, appraisalShare: undefined } },
      branchInputs({ appraisal: { score: 90, sheets: 5 } }),
    );
    expect([old.total, old.components.find((c) => c.component === 'appraisal')?.applied]).toEqual([without.total, 0]);
  });

  it('with a previous quarter the change counts (不比基础比变化)', () => {
    const card = scoreBranch(ctx, branchInputs({ previousBase: 5000 }));
    // delta 7.09 → improvement 6773; (587260 + 6773×15) / 100 = 6888.55 → 6889, less 12.
    expect([card.delta, card.components[4].score, card.total]).toEqual([709, 6773, 5689]);
  });

  it('a branch with no data at all scores 0 and holds no star', () => {
    const card = scoreBranch(
      ctx,
      branchInputs({
        counters: undefined,
        exemptions: [],
        letters: undefined,
        observations: [],
        findings: [],
        taskProgress: [],
        branch: { id: 'b9', name: '新村', type: 'rural', createdAt: '2026-10-20T00:00:00.000Z' },
      }),
    );
    expect([card.total, card.base, card.level, card.components.every((c) => c.score === null)]).toEqual([0, 0, 0, true]);
  });

  it('the level counts only awarded stars: finished key tasks show progress (任务已完成) but award nothing', () => {
    const easy = { ...model, starCompletionPercent: 50 };
    const unawarded = scoreBranch({ ...ctx, model: easy }, branchInputs({ findings: [] }));
    expect([unawarded.level, unawarded.stars.filter((s) => s.status === 'earned').length]).toEqual([0, 2]);
    const held = scoreBranch({ ...ctx, model: easy }, branchInputs({ findings: [], heldStars: ['industry', 'branch_strong'] }));
    expect([
      held.level,
      held.stars
        .filter((s) => s.status === 'awarded')
        .map((s) => s.star)
        .sort(),
    ]).toEqual([2, ['branch_strong', 'industry']]);
    // A veto hit on a held star does not take it here: a withdrawal (撤星) must be confirmed first; it shows the veto.
    const vetoed = scoreBranch(
      { ...ctx, model: easy },
      branchInputs({ findings: [finding({ star: 'industry', vetoItemId: 'industry-v2' })], heldStars: ['industry'] }),
    );
    const industry = vetoed.stars.find((s) => s.star === 'industry');
    expect([vetoed.level, industry?.status, industry?.vetoItemIds]).toEqual([1, 'awarded', ['industry-v2']]);
    // Not held and vetoed: 否决.
    expect(
      scoreBranch({ ...ctx, model: easy }, branchInputs({ findings: [finding({ vetoItemId: 'ecology-v2' })] })).stars.find(
        (s) => s.star === 'ecology',
      )?.status,
    ).toBe('vetoed');
  });

  it('a branch holds a star from its award day until a confirmed withdrawal', () => {
    const holdings = [
      { branchId: 'b1', star: 'industry' as const, heldFrom: '2026-05-10', basis: 'award' as const },
      { branchId: 'b1', star: 'ecology' as const, heldFrom: '2026-01-01', basis: 'award' as const, withdrawnOn: '2026-08-01' },
      { branchId: 'b2', star: 'civility' as const, heldFrom: '2026-10-02', basis: 'award' as const },
      // Withdrawn and awarded again: held once.
      { branchId: 'b2', star: 'industry' as const, heldFrom: '2026-01-01', basis: 'award' as const, withdrawnOn: '2026-03-01' },
      { branchId: 'b2', star: 'industry' as const, heldFrom: '2026-06-01', basis: 'award' as const },
    ];
    expect(Object.fromEntries(heldOn(holdings, '2026-09-30'))).toEqual({ b1: ['industry'], b2: ['industry'] });
    expect(Object.fromEntries(heldOn(holdings, '2026-06-30'))).toEqual({ b1: ['industry', 'ecology'], b2: ['industry'] });
    expect(Object.fromEntries(heldOn(holdings, '2026-12-31'))).toEqual({ b1: ['industry'], b2: ['civility', 'industry'] });
  });
});

describe('ranking order', () => {
  const card = (id: string, total: number, level = 0, base = total, delta: number | null = null) => ({
    branchId: id,
    total,
    level,
    base,
    delta,
  });

  it('ties break by stars, then base, then improvement, then branch id', () => {
    const rows = [
      card('c', 8000, 2),
      card('a', 8000, 3),
      card('b', 8000, 3, 7000),
      card('d', 8000, 3, 7000, 100),
      card('e', 9000),
      card('f', 8000, 2),
    ];
    expect([...rows].sort(compareCards).map((r) => r.branchId)).toEqual(['e', 'a', 'd', 'b', 'c', 'f']);
  });

  it('most improved: only rises, the largest first', () => {
    const rows = [
      card('a', 5000, 0, 5000, 300),
      card('b', 6000, 0, 6000, -100),
      card('c', 4000, 0, 4000, 300),
      card('d', 3000, 0, 3000, 900),
      card('e', 3000),
    ];
    expect(mostImproved(rows, 10).map((r) => r.branchId)).toEqual(['d', 'a', 'c']);
    expect(mostImproved(rows, 1).map((r) => r.branchId)).toEqual(['d']);
  });

  it('township ranks are 1..n over identical inputs, decided by branch id', () => {
    const inputs = {
      township: { id: 't1', name: '一号镇' },
      branches: ['z', 'm', 'a'].map((id) => ({ id, name: id, type: 'rural' as const, createdAt: '2025-01-01T00:00:00.000Z' })),
      reportCounters: {},
      exemptions: [],
      letterCounters: {},
      plans: [],
      observations: [],
      findings: [],
      taskProgress: [],
      holdings: [],
    };
    expect(scoreTownship(ctx, inputs, new Map()).map((c) => [c.branchId, c.townshipRank])).toEqual([
      ['a', 1],
      ['m', 2],
      ['z', 3],
    ]);
  });
});

describe('the quarter-end job picks the quarter that has just ended', () => {
  it('in Shanghai time, unless the event names one', () => {
    expect(quarterToRank(new Date('2026-12-31T17:00:00.000Z'), {})).toBe('2026-Q4'); // 01:00 on 1 January in Shanghai
    expect(quarterToRank(new Date('2026-06-30T17:00:00.000Z'), undefined)).toBe('2026-Q2');
    expect(quarterToRank(new Date('2026-06-30T17:00:00.000Z'), { quarter: '2025-Q3' })).toBe('2025-Q3');
    expect(quarterToRank(new Date('2026-06-30T17:00:00.000Z'), { quarter: 'bogus' })).toBe('2026-Q2');
  });
});
