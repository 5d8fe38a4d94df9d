import { describe, expect, it } from 'vitest';
import {
  belowDistrictErrors,
  branchLevels,
  countLevels,
  defaultTargets,
  fourStarDouble,
  isSaveRetry,
  keyDateErrors,
  nextDistrictPlan,
  targetErrors,
} from '../../src/features/creation-plans/creation-plan';

const h = (
  branchId: string,
  star: 'industry' | 'ecology' | 'civility' | 'harmony' | 'branch_strong',
  basis: 'baseline' | 'award',
  withdrawnOn?: string,
) => ({
  branchId,
  star,
  heldFrom: '2026-01-01',
  basis,
  ...(withdrawnOn ? { withdrawnOn } : {}),
});

describe('创建规划 domain', () => {
  it('a branch’s baseline level counts its baseline stars, withdrawn or not; today’s counts the stars not withdrawn', () => {
    const levels = branchLevels([
      h('b1', 'industry', 'baseline'),
      h('b1', 'ecology', 'baseline', '2026-05-01'),
      h('b1', 'civility', 'award'),
      // Withdrawn and awarded again: one star.
      h('b2', 'harmony', 'baseline', '2026-03-01'),
      h('b2', 'harmony', 'award'),
    ]);
    expect(Object.fromEntries(levels)).toEqual({ b1: { baseline: 2, current: 2 }, b2: { baseline: 1, current: 1 } });
  });

  it('counts branches at ≥3, ≥4 and 5 stars', () => {
    expect(countLevels([0, 2, 3, 4, 5, 5])).toEqual({ threeStar: 4, fourStar: 3, fiveStar: 2 });
    expect(countLevels([])).toEqual({ threeStar: 0, fourStar: 0, fiveStar: 0 });
  });

  it('四星倍增: the default doubles the baseline four-star count, keeps 三星 ≥ 四星 and stays within the branches', () => {
    expect(fourStarDouble({ threeStar: 5, fourStar: 3, fiveStar: 1 })).toBe(6);
    expect(defaultTargets({ threeStar: 5, fourStar: 3, fiveStar: 1 }, 20)).toEqual({ threeStar: 6, fourStar: 6, fiveStar: 1 });
    expect(defaultTargets({ threeStar: 9, fourStar: 2, fiveStar: 0 }, 20)).toEqual({ threeStar: 9, fourStar: 4, fiveStar: 0 });
    expect(defaultTargets({ threeStar: 6, fourStar: 5, fiveStar: 2 }, 8)).toEqual({ threeStar: 8, fourStar: 8, fiveStar: 2 });
  });

  it('targets are nested and within the branch count; a township’s are at least the district’s', () => {
    expect(targetErrors({ threeStar: 4, fourStar: 3, fiveStar: 1 }, 8, 'b')).toEqual([]);
    expect(targetErrors({ threeStar: 9, fourStar: 9, fiveStar: 9 }, 8, 'b').map((e) => e.path)).toEqual([
      'b.threeStar',
      'b.fourStar',
      'b.fiveStar',
    ]);
    expect(targetErrors({ threeStar: 2, fourStar: 3, fiveStar: 4 }, 8, 'b').map((e) => e.message)).toEqual([
      '四星及以上的支部不能多于三星及以上的',
      '五星支部不能多于四星及以上的',
    ]);
    expect(belowDistrictErrors({ threeStar: 5, fourStar: 3, fiveStar: 1 }, { threeStar: 5, fourStar: 4, fiveStar: 0 }, 't')).toEqual([
      { path: 't.fourStar', code: 'below_district', message: '不能低于区级目标 4' },
    ]);
  });

  it('key dates fall within the plan’s year', () => {
    expect(
      keyDateErrors(
        [
          { name: '甲', date: '2026-03-01' },
          { name: '乙', date: '2027-01-01' },
        ],
        2026,
      ).map((e) => e.path),
    ).toEqual(['body.keyDates.1.date']);
  });

  it('a save is a retry only from the same person with the same content at the version it made', () => {
    const body = {
      townships: [{ townshipId: 't', targets: { threeStar: 1, fourStar: 1, fiveStar: 0 } }],
      keyDates: [],
      responsibleUnits: ['甲'],
      version: 0,
    };
    const plan = nextDistrictPlan('erqi', 2026, undefined, body, { userId: 'u1', name: '王', at: '2026-03-01T00:00:00.000Z' });
    expect(plan.version).toBe(1);
    // Stored maps come back in any key order.
    const stored = { ...plan, townships: [{ targets: { fiveStar: 0, fourStar: 1, threeStar: 1 }, townshipId: 't' }] };
    expect(isSaveRetry(stored, body, 'u1')).toBe(true);
    expect(isSaveRetry(stored, body, 'u2')).toBe(false);
    expect(isSaveRetry(stored, { ...body, responsibleUnits: ['乙'] }, 'u1')).toBe(false);
    expect(isSaveRetry(stored, { ...body, version: 1 }, 'u1')).toBe(false);
  });
});
