import { describe, expect, it } from 'vitest';
import { assertFileable, complianceOf, countsOf, statusFor, sumCounts } from '../../src/features/reports/daily-report';
import type { DomainError } from '../../src/platform/kernel/domain-error';
import {
  addDays,
  daysBetween,
  daysOfMonth,
  quarterOf,
  shanghaiDay,
  shanghaiInstant,
  shanghaiTime,
} from '../../src/platform/kernel/shanghai-time';

const rules = { deadline: '22:00', maxBackfillDays: 1 };
const codeOf = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return (e as DomainError).details?.[0]?.code ?? (e as DomainError).code;
  }
};

describe('Asia/Shanghai days', () => {
  it('a UTC instant belongs to the Shanghai day eight hours ahead', () => {
    expect(shanghaiDay(new Date('2026-11-26T15:59:59Z'))).toBe('2026-11-26');
    expect(shanghaiDay(new Date('2026-11-26T16:00:00Z'))).toBe('2026-11-27'); // 00:00 in Shanghai
    expect(shanghaiTime(new Date('2026-11-26T14:00:00Z'))).toBe('22:00');
  });

  it('maps a day and a wall-clock time back to the instant', () => {
    expect(shanghaiInstant('2026-11-27', '22:00').toISOString()).toBe('2026-11-27T14:00:00.000Z');
    expect(shanghaiInstant('2026-01-01', '00:30').toISOString()).toBe('2025-12-31T16:30:00.000Z');
  });

  it('does calendar arithmetic across month, year and leap-day edges', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-11-30', '2026-12-02')).toBe(2);
    expect(daysOfMonth('2028-02')).toHaveLength(29);
    expect(daysOfMonth('2026-11').at(-1)).toBe('2026-11-30');
    expect([quarterOf('2026-03-31'), quarterOf('2026-04-01'), quarterOf('2026-12-31')]).toEqual(['2026-Q1', '2026-Q2', '2026-Q4']);
  });
});

describe('deadline and late rules', () => {
  it('on time up to the deadline, late one second after', () => {
    expect(statusFor('2026-11-27', new Date('2026-11-27T14:00:00Z'), rules)).toBe('on_time'); // 22:00:00
    expect(statusFor('2026-11-27', new Date('2026-11-27T14:00:01Z'), rules)).toBe('late');
  });

  it('across midnight: 23:59 is late for today, 00:01 files yesterday late and today on time', () => {
    const justBeforeMidnight = new Date('2026-11-27T15:59:00Z'); // 23:59 Shanghai, but still the 27th in UTC as well
    expect(statusFor('2026-11-27', justBeforeMidnight, rules)).toBe('late');
    const justAfterMidnight = new Date('2026-11-27T16:01:00Z'); // 00:01 on the 28th in Shanghai, the 27th in UTC
    expect(shanghaiDay(justAfterMidnight)).toBe('2026-11-28');
    expect(statusFor('2026-11-27', justAfterMidnight, rules)).toBe('late');
    expect(statusFor('2026-11-28', justAfterMidnight, rules)).toBe('on_time');
  });

  it('a deadline of 00:00 makes any submission late', () => {
    expect(statusFor('2026-11-27', new Date('2026-11-26T16:00:01Z'), { deadline: '00:00' })).toBe('late');
  });

  it('files today and up to N days back, never ahead', () => {
    const now = new Date('2026-11-27T16:30:00Z'); // 00:30 on the 28th in Shanghai
    expect(codeOf(() => assertFileable('2026-11-28', now, rules))).toBe('ok');
    expect(codeOf(() => assertFileable('2026-11-27', now, rules))).toBe('ok');
    expect(codeOf(() => assertFileable('2026-11-26', now, rules))).toBe('too_old');
    expect(codeOf(() => assertFileable('2026-11-29', now, rules))).toBe('future_day');
    expect(codeOf(() => assertFileable('2026-11-27', now, { maxBackfillDays: 0 }))).toBe('too_old');
  });
});

describe('compliance and rollup arithmetic', () => {
  const branches = [
    { id: 'a', name: '甲村', type: 'rural' as const, townshipId: 't' },
    { id: 'b', name: '乙村', type: 'rural' as const, townshipId: 't' },
    { id: 'c', name: '丙社区', type: 'community' as const, townshipId: 't' },
    { id: 'd', name: '丁社区', type: 'community' as const, townshipId: 't' },
  ];

  it('classifies each branch and computes the rate over expected branches', () => {
    const { rows, counts } = complianceOf(
      branches,
      [
        { branchId: 'a', status: 'on_time', submittedAt: 'x' },
        { branchId: 'b', status: 'late', submittedAt: 'y' },
      ],
      [{ day: '2026-11-27', branchId: 'c', reason: '请假' }],
    );
    expect(rows.map((r) => r.status)).toEqual(['on_time', 'late', 'exempt', 'missing']);
    expect(rows[2].exemptReason).toBe('请假');
    expect(counts).toEqual({ branches: 4, expected: 3, onTime: 1, late: 1, missing: 1, exempt: 1, rate: 2 / 3 });
  });

  it('a report filed on an exempt day counts as filed, not exempt', () => {
    const { rows } = complianceOf(
      branches.slice(0, 1),
      [{ branchId: 'a', status: 'on_time', submittedAt: 'x' }],
      [{ day: 'd', branchId: 'a', reason: '请假' }],
    );
    expect(rows[0].status).toBe('on_time');
  });

  it('a holiday exempts every branch that did not file; the rate is 1 when nothing is expected', () => {
    const { counts } = complianceOf(branches, [], [{ day: 'd', reason: '国庆节' }]);
    expect(counts).toMatchObject({ expected: 0, exempt: 4, missing: 0, rate: 1 });
  });

  it('district totals add counts and recompute the rate (never average rates)', () => {
    const small = countsOf(['on_time']); // 1/1
    const big = countsOf(['missing', 'missing', 'missing', 'on_time']); // 1/4
    expect(sumCounts([small, big]).rate).toBeCloseTo(2 / 5);
    expect(sumCounts([])).toMatchObject({ branches: 0, rate: 1 });
  });
});
