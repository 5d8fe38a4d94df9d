import type { StarApplicationStatus, StarAssessmentInput } from '@chuangxing/shared';
import { describe, expect, it } from 'vitest';
import { sampleContent } from '../../src/features/catalogue/catalogue';
import {
  applyReturnReasons,
  catalogueItems,
  checkAssessment,
  isWorkingDay,
  movesFor,
  nextStarStatus,
  publicityEnded,
  publicityWindow,
  type StarActor,
  type StarMove,
} from '../../src/features/stars/star-application';

describe('创星申报 state machine', () => {
  it('applies → 初审 → 复审 → 公示 → 授星, each step taken by its owner', () => {
    expect(nextStarStatus('township_review', 'approve', 'township')).toEqual({ to: 'district_review', kind: 'township_approved' });
    expect(nextStarStatus('district_review', 'approve', 'district')).toEqual({ to: 'publicity', kind: 'district_approved' });
    expect(nextStarStatus('publicity', 'award', 'district')).toEqual({ to: 'awarded', kind: 'awarded' });
  });

  it('either review returns the application to the branch, which resubmits to the township', () => {
    expect(nextStarStatus('township_review', 'return', 'township')).toEqual({ to: 'returned', kind: 'township_returned' });
    expect(nextStarStatus('district_review', 'return', 'district')).toEqual({ to: 'returned', kind: 'district_returned' });
    expect(nextStarStatus('returned', 'resubmit', 'secretary')).toEqual({ to: 'township_review', kind: 'resubmitted' });
  });

  it.each([
    ['township_review', 'award'],
    ['township_review', 'resubmit'],
    ['returned', 'approve'],
    ['returned', 'return'],
    ['district_review', 'award'],
    ['publicity', 'approve'],
    ['publicity', 'return'],
    ['awarded', 'award'],
    ['awarded', 'approve'],
    ['awarded', 'resubmit'],
  ] as [StarApplicationStatus, StarMove][])('%s + %s → ILLEGAL_TRANSITION', (status, move) => {
    expect(() => nextStarStatus(status, move, 'district')).toThrowError(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
    expect(() => nextStarStatus(status, move, 'township')).toThrowError(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });

  it.each([
    ['township_review', 'approve', 'district'],
    ['township_review', 'approve', 'secretary'],
    ['district_review', 'approve', 'township'],
    ['district_review', 'return', 'township'],
    ['publicity', 'award', 'township'],
    ['returned', 'resubmit', 'township'],
  ] as [StarApplicationStatus, StarMove, StarActor][])('%s + %s by %s → FORBIDDEN_ROLE (not their step)', (status, move, actor) => {
    expect(() => nextStarStatus(status, move, actor)).toThrowError(expect.objectContaining({ code: 'FORBIDDEN_ROLE' }));
  });

  it('offers each actor only the moves of their step', () => {
    expect(movesFor('township_review', ['township'])).toEqual(['approve', 'return']);
    expect(movesFor('township_review', ['district', 'secretary'])).toEqual([]);
    expect(movesFor('returned', ['secretary'])).toEqual(['resubmit']);
    expect(movesFor('publicity', ['district'])).toEqual(['award']);
    expect(movesFor('awarded', ['district', 'township', 'secretary'])).toEqual([]);
  });
});

describe('self-assessment against the catalogue', () => {
  const items = catalogueItems(sampleContent(), 'rural', 'industry');
  const all = (): StarAssessmentInput[] => items.map((c) => ({ itemId: c.itemId, kind: c.kind, met: true, note: '', photos: [] }));

  it('covers every key task and veto item of the star, in catalogue order with titles', () => {
    expect(items.some((i) => i.kind === 'task')).toBe(true);
    expect(items.some((i) => i.kind === 'veto')).toBe(true);
    const reversed = all().reverse();
    reversed[0] = { ...reversed[0], met: false, note: '尚未完成' };
    const stored = checkAssessment(items, reversed);
    expect(stored.map((s) => s.itemId)).toEqual(items.map((i) => i.itemId));
    expect(stored.map((s) => s.title)).toEqual(items.map((i) => i.title));
    expect(stored.find((s) => s.itemId === reversed[0].itemId)).toMatchObject({ met: false, note: '尚未完成' });
  });

  it('names a missing item, a foreign item, a duplicate and a wrong kind', () => {
    const input = all();
    input.shift();
    input.push({ itemId: 'ecology-t1', kind: 'task', met: true, note: '', photos: [] });
    input.push({ ...input[0] });
    input[1] = { ...input[1], kind: input[1].kind === 'task' ? 'veto' : 'task' };
    try {
      checkAssessment(items, input);
      expect.unreachable();
    } catch (err) {
      const e = err as { code: string; details: { path: string; code: string }[] };
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.details.map((d) => d.code).sort()).toEqual(['duplicate_item', 'missing_item', 'unknown_item', 'wrong_kind']);
      expect(e.details.find((d) => d.code === 'unknown_item')?.path).toBe(`body.items.${input.length - 2}.itemId`);
    }
  });

  it('refuses a star outside the branch’s set', () => {
    expect(catalogueItems(sampleContent(), 'community', 'industry')).toEqual([]);
    expect(() => checkAssessment([], all())).toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('puts each return reason on its item and clears the old ones', () => {
    const stored = checkAssessment(items, all()).map((s, i) => (i === 0 ? { ...s, returnReason: '旧原因' } : s));
    const next = applyReturnReasons(stored, [{ itemId: items[1].itemId, reason: '佐证不足' }]);
    expect(next[0].returnReason).toBeUndefined();
    expect(next[1].returnReason).toBe('佐证不足');
    expect(() => applyReturnReasons(stored, [{ itemId: 'nope', reason: 'x' }])).toThrowError(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});

describe('公示 over working days', () => {
  it('skips weekends and the district’s holidays', () => {
    expect(isWorkingDay('2026-12-05', new Set())).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-07', new Set())).toBe(true); // Monday
    expect(isWorkingDay('2026-12-07', new Set(['2026-12-07']))).toBe(false);
  });

  it('runs five working days from the first working day after approval', () => {
    // Approved on Friday 2026-12-04: Mon 7th … Fri 11th.
    expect(publicityWindow('2026-12-04', 5, new Set())).toEqual({ from: '2026-12-07', until: '2026-12-11' });
    // A holiday on Wednesday pushes the end to Monday the 14th.
    expect(publicityWindow('2026-12-04', 5, new Set(['2026-12-09']))).toEqual({ from: '2026-12-07', until: '2026-12-14' });
    // Across New Year (2027-01-01 a Friday holiday).
    expect(publicityWindow('2026-12-29', 3, new Set(['2027-01-01']))).toEqual({ from: '2026-12-30', until: '2027-01-04' });
  });

  it('ends only after its last day (Asia/Shanghai)', () => {
    expect(publicityEnded({ publicityUntil: '2026-12-11' }, '2026-12-11')).toBe(false);
    expect(publicityEnded({ publicityUntil: '2026-12-11' }, '2026-12-12')).toBe(true);
    expect(publicityEnded({}, '2030-01-01')).toBe(false);
  });
});
