import { STAR_SETS, type Star } from '@chuangxing/shared';
import { describe, expect, it } from 'vitest';
import {
  aggregateBranch,
  aggregateStar,
  anonymousComments,
  checkScoreSheet,
  computeResults,
  type StoredObservation,
  type StoredScore,
} from '../../src/features/observations/observation';
import { canManage, eligibleObserver, organisingTownship, viewOf } from '../../src/features/observations/observation-access';
import { makeBinding, makePrincipal } from '../support/builders';

const RURAL = STAR_SETS.rural;
const sheet = (observerId: string, scores: Partial<Record<Star, number>>) => ({
  observerId,
  scores: Object.entries(scores).map(([star, score]) => ({ star: star as Star, score: score! })),
});

describe('the robust star aggregate', () => {
  it('4 observers: the plain mean, nothing dropped', () => {
    expect(aggregateStar('industry', [10, 2, 6, 7])).toEqual({ star: 'industry', value: 6.25, count: 4, trimmed: false });
  });

  it('5 observers: the highest and the lowest are dropped before the mean', () => {
    // Without trimming the outlier 0 would pull the mean to 6.4; trimmed it is (7 + 7 + 8) / 3.
    expect(aggregateStar('industry', [7, 0, 10, 8, 7])).toEqual({ star: 'industry', value: 7.33, count: 5, trimmed: true });
  });

  it('ties drop only one of the equal extremes', () => {
    // 9, 9, 9, 5, 5: drop one 9 and one 5 → 9, 9, 5.
    expect(aggregateStar('ecology', [9, 5, 9, 5, 9]).value).toBe(7.67);
    // All equal: trimming changes nothing.
    expect(aggregateStar('ecology', [6, 6, 6, 6, 6, 6]).value).toBe(6);
  });

  it('no scores: no value', () => {
    expect(aggregateStar('civility', [])).toEqual({ star: 'civility', value: null, count: 0, trimmed: false });
  });

  it('rounds to two decimals from the exact fraction', () => {
    expect(aggregateStar('industry', [1, 0, 0]).value).toBe(0.33);
    expect(aggregateStar('industry', [2, 0, 0]).value).toBe(0.67);
  });
});

describe('a branch’s result', () => {
  it('overall is the mean of the star aggregates; the observer count is who scored anything', () => {
    const r = aggregateBranch(RURAL, [
      sheet('a', { branch_strong: 8, industry: 6, ecology: 7, safety_law: 9, civility: 5 }),
      sheet('b', { branch_strong: 6, industry: 8, ecology: 7, safety_law: 7, civility: 7 }),
    ]);
    expect(r.perStar.map((p) => [p.star, p.value, p.count])).toEqual([
      ['branch_strong', 7, 2],
      ['industry', 7, 2],
      ['ecology', 7, 2],
      ['safety_law', 8, 2],
      ['civility', 6, 2],
    ]);
    expect(r.overall).toBe(7);
    expect(r.observerCount).toBe(2);
  });

  it('missing scores: a star nobody scored has no value and stays out of the overall; partial sheets count', () => {
    const r = aggregateBranch(RURAL, [sheet('a', { branch_strong: 9, industry: 4 }), sheet('b', { branch_strong: 7 })]);
    expect(r.perStar.find((p) => p.star === 'industry')).toMatchObject({ value: 4, count: 1 });
    expect(r.perStar.find((p) => p.star === 'ecology')).toMatchObject({ value: null, count: 0 });
    expect(r.overall).toBe(6); // (8 + 4) / 2
    expect(r.observerCount).toBe(2);
  });

  it('trims per star: 5 sheets but a star with only 4 scores is a plain mean', () => {
    const sheets = [
      sheet('a', { branch_strong: 10, industry: 10 }),
      sheet('b', { branch_strong: 2, industry: 2 }),
      sheet('c', { branch_strong: 6, industry: 6 }),
      sheet('d', { branch_strong: 6, industry: 6 }),
      sheet('e', { branch_strong: 7 }),
    ];
    const r = aggregateBranch(RURAL, sheets);
    expect(r.perStar[0]).toMatchObject({ star: 'branch_strong', value: 6.33, count: 5, trimmed: true });
    expect(r.perStar[1]).toMatchObject({ star: 'industry', value: 6, count: 4, trimmed: false });
    expect(r.overall).toBe(6.17); // (6.33 + 6) / 2 = 6.165 → 6.17
    expect(r.observerCount).toBe(5);
  });

  it('nothing scored: overall null, no observers; stars of the other set are ignored', () => {
    const r = aggregateBranch(RURAL, [sheet('a', { harmony: 9 })]);
    expect(r.overall).toBeNull();
    expect(r.observerCount).toBe(0);
  });
});

describe('score sheets and frozen results', () => {
  it('a star must be of the branch’s set and appear once', () => {
    expect(checkScoreSheet(RURAL, [{ star: 'industry', score: 5 }])).toEqual([]);
    expect(
      checkScoreSheet(RURAL, [
        { star: 'harmony', score: 5 },
        { star: 'industry', score: 5 },
        { star: 'industry', score: 6 },
      ]).map((e) => e.path),
    ).toEqual(['body.scores.0.star', 'body.scores.2.star']);
  });

  it('comments are kept without names, blanks dropped, in text order rather than observer order', () => {
    expect(anonymousComments([{ comment: '台账清楚' }, { comment: '  ' }, { comment: '产业有特色' }])).toEqual(['产业有特色', '台账清楚']);
  });

  it('computes one result per visited branch with its own star set', () => {
    const obs: StoredObservation = {
      id: 'o1',
      districtId: 'erqi',
      month: '2026-11',
      title: '十一月观摩',
      townshipId: 't1',
      organiserLabel: '一号街道',
      branches: [
        { branchId: 'r1', name: '甲村', townshipId: 't1', type: 'rural' },
        { branchId: 'c1', name: '乙社区', townshipId: 't1', type: 'community' },
      ],
      observers: [{ userId: 'a', name: '甲' }],
      status: 'open',
      createdAt: '2026-11-01T00:00:00.000Z',
      createdBy: 'x',
      createdByName: 'X',
      version: 1,
    };
    const scores: StoredScore[] = [
      {
        observationId: 'o1',
        branchId: 'c1',
        observerId: 'a',
        observerName: '甲',
        scores: [{ star: 'harmony', score: 9 }],
        comment: '服务好',
        updatedAt: '2026-11-02T00:00:00.000Z',
      },
    ];
    const results = computeResults(obs, (t) => STAR_SETS[t], scores, '2026-11-30T00:00:00.000Z');
    expect(results.map((r) => [r.branchId, r.overall, r.observerCount, r.comments])).toEqual([
      ['r1', null, 0, []],
      ['c1', 9, 1, ['服务好']],
    ]);
    expect(results[1].perStar.map((p) => p.star)).toEqual([...STAR_SETS.community]);
    expect(JSON.stringify(results)).not.toContain('"甲"');
  });
});

describe('who organises, scores and sees an observation', () => {
  const staff = makeBinding({ role: 'township_staff', scope: { level: 'township', districtId: 'erqi', townshipIds: ['t1'] } });
  const admin = makeBinding({ role: 'district_admin', scope: { level: 'district', districtId: 'erqi' } });
  const inspector = makeBinding({ role: 'inspector', scope: { level: 'township', districtId: 'erqi', townshipIds: ['t2'] } });
  const cadre = makeBinding({ role: 'cadre', scope: { level: 'branch', districtId: 'erqi', townshipId: 't3', branchId: 'b9' } });

  it('observers are officials of the four roles whose binding covers the township (any in the district when district-wide)', () => {
    expect(eligibleObserver(staff, 'erqi', 't1')).toBe(true);
    expect(eligibleObserver(inspector, 'erqi', 't1')).toBe(false);
    expect(eligibleObserver(inspector, 'erqi', undefined)).toBe(true);
    expect(eligibleObserver(cadre, 'erqi', 't1')).toBe(false);
    expect(eligibleObserver({ ...staff, revokedAt: '2026-02-01T00:00:00.000Z' }, 'erqi', 't1')).toBe(false);
    expect(eligibleObserver(admin, 'other', undefined)).toBe(false);
  });

  it('the district admin manages any observation; township staff only their township’s own', () => {
    expect(canManage([admin], 'erqi', {})).toBe(true);
    expect(canManage([staff], 'erqi', { townshipId: 't1' })).toBe(true);
    expect(canManage([staff], 'erqi', { townshipId: 't2' })).toBe(false);
    expect(canManage([staff], 'erqi', {})).toBe(false);
  });

  it('organises for the township asked for (which they must manage), else their own; the admin district-wide', () => {
    expect(organisingTownship('erqi', [staff], undefined)).toBe('t1');
    expect(organisingTownship('erqi', [admin], undefined)).toBeUndefined();
    expect(organisingTownship('erqi', [admin], 't2')).toBe('t2');
    expect(() => organisingTownship('erqi', [staff], 't2')).toThrow(expect.objectContaining({ code: 'FORBIDDEN_SCOPE' }));
    expect(() => organisingTownship('erqi', [inspector], undefined)).toThrow(expect.objectContaining({ code: 'FORBIDDEN_SCOPE' }));
  });

  it('assigned observers and organisers see every branch; overseers the branches of their townships; others nothing', () => {
    const obs: StoredObservation = {
      id: 'o1',
      districtId: 'erqi',
      month: '2026-11',
      title: '观摩',
      organiserLabel: '二七区',
      branches: [
        { branchId: 'b1', name: '一村', townshipId: 't1', type: 'rural' },
        { branchId: 'b2', name: '二村', townshipId: 't2', type: 'rural' },
      ],
      observers: [{ userId: 'u9', name: '王' }],
      status: 'open',
      createdAt: '2026-11-02T02:00:00.000Z',
      createdBy: 'u0',
      createdByName: '孙',
      version: 1,
    };
    const roles = ['township_staff', 'inspector', 'leader', 'district_admin', 'cadre'] as const;
    const assigned = viewOf('erqi', makePrincipal([cadre], { id: 'u9' }), roles, obs);
    // An assigned observer is no overseer: while open they read only their own sheets (no anchoring).
    expect(assigned).toMatchObject({ assigned: true, manage: false, overseer: false });
    expect(assigned?.branches.map((b) => b.branchId)).toEqual(['b1', 'b2']);
    expect(viewOf('erqi', makePrincipal([admin]), roles, obs)).toMatchObject({ assigned: false, manage: true, overseer: true });
    const overseer = viewOf('erqi', makePrincipal([inspector]), roles, obs);
    expect([overseer?.manage, overseer?.overseer, overseer?.branches.map((b) => b.branchId)]).toEqual([false, true, ['b2']]);
    expect(viewOf('erqi', makePrincipal([cadre]), roles, obs)).toBeUndefined();
    // Only through the route's roles: a staff binding does not count on a route that allows only inspectors.
    expect(viewOf('erqi', makePrincipal([staff]), ['inspector'], obs)).toBeUndefined();
  });
});
