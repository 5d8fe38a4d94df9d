import { STAR_SETS } from '@chuangxing/shared';
import { describe, expect, it } from 'vitest';
import {
  annualOutcome,
  annualReviewDay,
  branchHeldStarsOf,
  checkBaseline,
  decideWithdrawal,
  endHeldStar,
  type StoredBaseline,
  type StoredHeldStar,
  type StoredStarWithdrawal,
} from '../../src/features/stars/held-star';
import type { DomainError } from '../../src/platform/kernel/domain-error';

const withdrawal = (over: Partial<StoredStarWithdrawal> = {}): StoredStarWithdrawal => ({
  id: 'wd1',
  districtId: 'erqi',
  townshipId: 'demo-gwh',
  branchId: 'yingtaogou',
  branchName: '樱桃沟社区',
  star: 'industry',
  source: { kind: 'finding', findingId: 'f1', vetoItemId: 'industry-v1', vetoText: '否决项' },
  status: 'open',
  version: 1,
  openedAt: '2026-12-01T00:00:00.000Z',
  openedBy: 'insp',
  openedByName: '赵督导',
  ...over,
});

const held = (over: Partial<StoredHeldStar> = {}): StoredHeldStar => ({
  branchId: 'yingtaogou',
  districtId: 'erqi',
  townshipId: 'demo-gwh',
  branchName: '樱桃沟社区',
  star: 'industry',
  heldFrom: '2026-03-01',
  basis: 'baseline',
  version: 1,
  recordedAt: '2026-03-01T00:00:00.000Z',
  recordedBy: 'admin',
  ...over,
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as DomainError).code;
  }
  return 'no error';
};

const decider = { id: 'admin', name: '孙管理员' };

describe('the withdrawal state machine (撤星 / 降星)', () => {
  it('open → confirmed with the reason, the decider and a new version', () => {
    const next = decideWithdrawal(withdrawal(), 'confirm', '否决项属实', decider, '2026-12-03T01:00:00.000Z');
    expect(next).toMatchObject({
      status: 'confirmed',
      version: 2,
      decision: { at: '2026-12-03T01:00:00.000Z', reason: '否决项属实', deciderId: 'admin', deciderName: '孙管理员' },
    });
  });

  it('open → rejected with the reason', () => {
    const next = decideWithdrawal(withdrawal(), 'reject', '已整改，不影响该星', decider, '2026-12-03T01:00:00.000Z');
    expect([next.status, next.version, next.decision?.reason]).toEqual(['rejected', 2, '已整改，不影响该星']);
  });

  it('a decided withdrawal is final: confirming or rejecting again is ILLEGAL_TRANSITION', () => {
    for (const status of ['confirmed', 'rejected'] as const)
      for (const action of ['confirm', 'reject'] as const)
        expect(codeOf(() => decideWithdrawal(withdrawal({ status, version: 2 }), action, '再次处理', decider, 'x'))).toBe(
          'ILLEGAL_TRANSITION',
        );
  });

  it('ending a held star keeps its dates and basis and names the withdrawal', () => {
    const ended = endHeldStar(held({ basis: 'award', applicationId: 'app1' }), 'wd1', '2026-12-03');
    expect(ended).toMatchObject({
      heldFrom: '2026-03-01',
      basis: 'award',
      applicationId: 'app1',
      withdrawnOn: '2026-12-03',
      withdrawalId: 'wd1',
      version: 2,
    });
  });
});

describe('the baseline (stars held at the campaign start)', () => {
  const rural = STAR_SETS.rural;
  const baseline: StoredBaseline = {
    branchId: 'yingtaogou',
    stars: ['industry', 'ecology'],
    recordedOn: '2026-03-01',
    recordedAt: '2026-03-01T00:00:00.000Z',
    recordedBy: 'admin',
    recordedByName: '孙管理员',
  };

  it('new when none is recorded and nothing awarded; the same stars again (any order) are a no-op', () => {
    expect(checkBaseline(['industry'], rural, { awarded: false })).toBe('new');
    expect(checkBaseline([], rural, { awarded: false })).toBe('new');
    expect(checkBaseline(['ecology', 'industry'], rural, { baseline, awarded: true })).toBe('same');
  });

  it('other stars after it was recorded → CONFLICT; a first baseline after an award → ILLEGAL_TRANSITION', () => {
    expect(codeOf(() => checkBaseline(['industry'], rural, { baseline, awarded: false }))).toBe('CONFLICT');
    expect(codeOf(() => checkBaseline(['industry'], rural, { awarded: true }))).toBe('ILLEGAL_TRANSITION');
  });

  it('a star outside the branch’s set, or twice, is a field error', () => {
    const foreign = STAR_SETS.community.find((s) => !rural.includes(s));
    expect(foreign).toBeDefined();
    try {
      checkBaseline(['industry', 'industry', foreign!], rural, { awarded: false });
      expect.unreachable();
    } catch (err) {
      expect((err as DomainError).details?.map((d) => [d.path, d.code])).toEqual([
        ['body.stars.1', 'duplicate'],
        ['body.stars.2', 'not_in_set'],
      ]);
    }
  });
});

describe('a branch’s stars as read', () => {
  it('the level is the number held; withdrawn stars are listed apart, newest first', () => {
    const out = branchHeldStarsOf(
      { id: 'yingtaogou', name: '樱桃沟社区' },
      {
        held: [held({ star: 'ecology' }), held({ star: 'industry', basis: 'award', applicationId: 'app1' })],
        ended: [
          endHeldStar(held({ star: 'civility' }), 'wd1', '2026-05-01'),
          endHeldStar(held({ star: 'safety_law' }), 'wd2', '2026-06-01'),
        ],
      },
      STAR_SETS.rural,
    );
    expect(out.level).toBe(2);
    expect(out.held.map((h) => h.star)).toEqual(STAR_SETS.rural.filter((s) => s === 'industry' || s === 'ecology'));
    expect(out.held.find((h) => h.star === 'industry')).toEqual({
      star: 'industry',
      heldFrom: '2026-03-01',
      basis: 'award',
      applicationId: 'app1',
    });
    expect(out.withdrawn.map((h) => [h.star, h.withdrawnOn])).toEqual([
      ['safety_law', '2026-06-01'],
      ['civility', '2026-05-01'],
    ]);
    expect(out.baselineRecordedOn).toBeUndefined();
  });
});

describe('the annual 评星定级', () => {
  it('keeping every held star confirms; keeping fewer lowers the rest (in the held order)', () => {
    expect(annualOutcome(['industry', 'ecology'], ['ecology', 'industry'])).toEqual({ kept: ['industry', 'ecology'], lowered: [] });
    expect(annualOutcome(['industry', 'ecology', 'civility'], ['ecology'])).toEqual({
      kept: ['ecology'],
      lowered: ['industry', 'civility'],
    });
    expect(annualOutcome(['industry'], [])).toEqual({ kept: [], lowered: ['industry'] });
  });

  it('a star not held, or named twice, is a field error', () => {
    try {
      annualOutcome(['industry'], ['industry', 'industry', 'ecology']);
      expect.unreachable();
    } catch (err) {
      expect((err as DomainError).details?.map((d) => [d.path, d.code])).toEqual([
        ['body.keep.1', 'duplicate'],
        ['body.keep.2', 'not_held'],
      ]);
    }
  });

  it('the review day of a year is the configured MM-DD of that year', () => {
    expect(annualReviewDay(2026, '12-20')).toBe('2026-12-20');
  });
});
