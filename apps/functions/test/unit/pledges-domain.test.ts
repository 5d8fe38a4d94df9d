import type { PledgeItemInput } from '@chuangxing/shared';
import { describe, expect, it } from 'vitest';
import {
  inForce,
  isPublishRetry,
  type PledgeActor,
  pledgeBoard,
  publishPledges,
  reportProgress,
  type StoredPledgeProgress,
} from '../../src/features/pledges/pledges';

const actor: PledgeActor = { userId: 'u-sec', name: '张书记', at: '2026-11-20T02:00:00.000Z', today: '2026-11-20' };
const branch = {
  id: 'b1',
  townshipId: 't1',
  name: '樱桃沟社区',
  stars: ['branch_strong', 'industry', 'ecology', 'safety_law', 'civility'] as const,
};
const item = (id: string, period: PledgeItemInput['period'] = 'year', star: PledgeItemInput['star'] = 'industry'): PledgeItemInput => ({
  id,
  star,
  period,
  text: `承诺${id}`,
  measure: '完成',
});
const progress = (itemId: string, month: string, percent: number, branchId = 'b1'): StoredPledgeProgress => ({
  branchId,
  townshipId: 't1',
  year: 2026,
  month,
  itemId,
  percent,
  text: `进展${percent}`,
  version: 1,
  at: `${month}-15T02:00:00.000Z`,
  by: 'u-sec',
  byName: '张书记',
});

describe('亮承诺', () => {
  it('publishes this year’s or next year’s commitments for the branch’s own stars, one version at a time', () => {
    const first = publishPledges(undefined, { items: [item('PL000001')], version: 0 }, branch, 2026, actor);
    expect([first.version, first.publishedByName, first.items.length]).toEqual([1, '张书记', 1]);
    expect(publishPledges(first, { items: [item('PL000001'), item('PL000002', 'Q4')], version: 1 }, branch, 2027, actor).version).toBe(2);
    expect(() => publishPledges(undefined, { items: [item('PL000001')], version: 0 }, branch, 2025, actor)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => publishPledges(undefined, { items: [item('PL000001')], version: 0 }, branch, 2028, actor)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    // 商业繁荣 is a community star: not in a rural branch's set.
    expect(() => publishPledges(undefined, { items: [item('PL000001', 'year', 'business')], version: 0 }, branch, 2026, actor)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'body.items.0.star' })] }),
    );
    // A stale edit (someone published meanwhile) is a conflict.
    expect(() => publishPledges(first, { items: [item('PL000003')], version: 0 }, branch, 2026, actor)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(isPublishRetry(first, { items: [item('PL000001')], version: 0 }, 'u-sec')).toBe(true);
    expect(isPublishRetry(first, { items: [item('PL000009')], version: 0 }, 'u-sec')).toBe(false);
    expect(isPublishRetry(first, { items: [item('PL000001')], version: 0 }, 'someone-else')).toBe(false);
  });
});

describe('赛实绩', () => {
  const doc = publishPledges(
    undefined,
    { items: [item('PLYEAR01'), item('PLQ40001', 'Q4'), item('PLQ20001', 'Q2')], version: 0 },
    branch,
    2026,
    actor,
  );
  const target = (itemId: string, month: string) => ({ year: 2026, month, itemId });

  it('a month that has begun, of the commitment’s year and period; versioned', () => {
    const p = reportProgress(doc, undefined, target('PLQ40001', '2026-11'), { percent: 60, text: '已建网格 4 个', version: 0 }, actor);
    expect([p.version, p.percent, p.townshipId]).toEqual([1, 60, 't1']);
    expect(reportProgress(doc, p, target('PLQ40001', '2026-11'), { percent: 80, text: '已建 5 个', version: 1 }, actor).version).toBe(2);
    const fails = (t: ReturnType<typeof target>, version = 0) =>
      expect(() => reportProgress(doc, undefined, t, { percent: 10, text: '进展', version }, actor));
    fails(target('PLQ40001', '2026-12')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' })); // not begun
    fails(target('PLQ20001', '2026-11')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' })); // Q2 item in Q4
    fails(target('PLYEAR01', '2025-11')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' })); // other year
    fails(target('PLNOPE01', '2026-11')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    fails(target('PLYEAR01', '2026-11'), 3).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() =>
      reportProgress(undefined, undefined, target('PLYEAR01', '2026-11'), { percent: 1, text: '进展', version: 0 }, actor),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('year commitments count every month, quarter ones only in their quarter', () => {
    expect([inForce(item('a', 'year'), '2026-02'), inForce(item('a', 'Q1'), '2026-03'), inForce(item('a', 'Q1'), '2026-04')]).toEqual([
      true,
      true,
      false,
    ]);
    expect([inForce(item('a', 'Q4'), '2026-10'), inForce(item('a', 'Q4'), '2026-12'), inForce(item('a', 'Q3'), '2026-10')]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('the township board: commitments in force, each with its latest progress up to the month, and the branch average', () => {
    const board = pledgeBoard(
      { id: 't1', name: '示例管委会' },
      '2026-11',
      [
        { id: 'b1', name: '樱桃沟社区' },
        { id: 'b2', name: '侯寨村' },
      ],
      [doc],
      [
        progress('PLYEAR01', '2026-09', 40),
        progress('PLYEAR01', '2026-10', 70),
        progress('PLQ40001', '2026-11', 30),
        progress('PLYEAR01', '2026-12', 100),
      ],
    );
    const [b1, b2] = board.branches;
    // The Q2 commitment is not in force in November; December's report is after the month.
    expect(b1.items.map((i) => [i.id, i.latest?.percent, i.reportedThisMonth])).toEqual([
      ['PLYEAR01', 70, false],
      ['PLQ40001', 30, true],
    ]);
    expect([b1.published, b1.averagePercent]).toEqual([true, 50]);
    expect([b2.branchName, b2.published, b2.items, b2.averagePercent]).toEqual(['侯寨村', false, [], 0]);
  });
});
