import { describe, expect, it } from 'vitest';
import {
  type Actor,
  applyReviewAction,
  inMonthView,
  isRetryOf,
  monthBoard,
  newReviewItem,
  type StoredReviewItem,
  sameAddition,
  summarize,
} from '../../src/features/study-review/study-review';

const actor = (at: string, name = '李明'): Actor => ({ userId: 'demo-cadre', name, at, today: at.slice(0, 10) });
const MARCH = actor('2026-03-10T02:00:00.000Z');
const make = (p: Partial<Parameters<typeof newReviewItem>[0]> = {}, a = MARCH): StoredReviewItem =>
  newReviewItem(
    {
      id: `item${Math.random().toString(36).slice(2, 14)}`,
      branchId: 'yingtaogou',
      townshipId: 'demo-gwh',
      period: '2026-03',
      list: 'problem',
      text: '樱桃冷库用电不稳',
      owner: '李明',
      ...p,
    },
    a,
  );

describe('学讲评 items', () => {
  it('a new item is open, version 1, with its creation in the history', () => {
    const item = make({ due: '2026-03-31' });
    expect(item).toMatchObject({
      status: 'open',
      version: 1,
      due: '2026-03-31',
      history: [{ action: 'created', status: 'open', byName: '李明', at: MARCH.at }],
    });
  });

  it('refuses a future month and a due day before the month', () => {
    expect(() => make({ period: '2026-04' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'params.month' })] }),
    );
    expect(() => make({ due: '2026-02-28' })).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ path: 'body.due' })] }),
    );
  });

  it('open → in_progress → done (note, day) → reopen (reason), each step in the history with a new version', () => {
    let item = make();
    item = applyReviewAction(item, { action: 'start', version: 1, note: '联系供电所' }, actor('2026-03-11T02:00:00.000Z'));
    expect([item.status, item.version]).toEqual(['in_progress', 2]);
    item = applyReviewAction(item, { action: 'done', version: 2, note: '更换了专用变压器' }, actor('2026-04-02T01:00:00.000Z', '张书记'));
    expect(item).toMatchObject({ status: 'done', version: 3, doneNote: '更换了专用变压器', doneDay: '2026-04-02' });
    item = applyReviewAction(item, { action: 'reopen', version: 3, note: '又跳闸了' }, actor('2026-04-05T01:00:00.000Z'));
    expect(item).toMatchObject({ status: 'open', version: 4, doneNote: undefined, doneDay: undefined });
    expect(item.history.map((h) => [h.action, h.status, h.note])).toEqual([
      ['created', 'open', undefined],
      ['started', 'in_progress', '联系供电所'],
      ['done', 'done', '更换了专用变压器'],
      ['reopened', 'open', '又跳闸了'],
    ]);
    expect(item.history[2].byName).toBe('张书记');
  });

  it('refuses illegal steps: start twice, finish twice, reopen an open item, edit a done one', () => {
    const started = applyReviewAction(make(), { action: 'start', version: 1 }, MARCH);
    expect(() => applyReviewAction(started, { action: 'start', version: 2 }, MARCH)).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }),
    );
    expect(() => applyReviewAction(started, { action: 'reopen', version: 2, note: '原因' }, MARCH)).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }),
    );
    const done = applyReviewAction(started, { action: 'done', version: 2, note: '已解决' }, MARCH);
    expect(() => applyReviewAction(done, { action: 'done', version: 3, note: '再次' }, MARCH)).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }),
    );
    expect(() => applyReviewAction(done, { action: 'edit', version: 3, text: '改', owner: '李明', due: null }, MARCH)).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }),
    );
    // An open item may also be finished straight away.
    expect(applyReviewAction(make(), { action: 'done', version: 1, note: '当场解决' }, MARCH).status).toBe('done');
  });

  it('edits the wording, owner and due day (null clears it) while not done', () => {
    const edited = applyReviewAction(
      make({ due: '2026-03-20' }),
      { action: 'edit', version: 1, text: '冷库线路老化', owner: '王委员', due: null },
      MARCH,
    );
    expect(edited).toMatchObject({ text: '冷库线路老化', owner: '王委员', due: undefined, status: 'open', version: 2 });
    expect(edited.history.at(-1)).toMatchObject({ action: 'edited', status: 'open' });
  });

  it('recognises a retried action by the same person, not a different one or someone else’s', () => {
    const done = applyReviewAction(make(), { action: 'done', version: 1, note: '已解决' }, MARCH);
    expect(isRetryOf(done, { action: 'done', version: 1, note: '已解决' }, 'demo-cadre')).toBe(true);
    expect(isRetryOf(done, { action: 'done', version: 1, note: '别的说法' }, 'demo-cadre')).toBe(false);
    expect(isRetryOf(done, { action: 'done', version: 1, note: '已解决' }, 'demo-secretary')).toBe(false);
    expect(isRetryOf(done, { action: 'start', version: 1 }, 'demo-cadre')).toBe(false);
    const edited = applyReviewAction(done, { action: 'reopen', version: 2, note: '又坏了' }, MARCH);
    expect(isRetryOf(edited, { action: 'done', version: 1, note: '已解决' }, 'demo-cadre')).toBe(false);
    const renamed = applyReviewAction(
      make({ due: '2026-03-20' }),
      { action: 'edit', version: 1, text: '新写法', owner: '王委员', due: null },
      MARCH,
    );
    expect(isRetryOf(renamed, { action: 'edit', version: 1, text: '新写法', owner: '王委员', due: null }, 'demo-cadre')).toBe(true);
    expect(isRetryOf(renamed, { action: 'edit', version: 1, text: '新写法', owner: '王委员', due: '2026-03-20' }, 'demo-cadre')).toBe(
      false,
    );
  });

  it('recognises a retried add, and not a different one under the same id', () => {
    const item = make({ due: '2026-03-31' });
    expect(sameAddition(item, { period: '2026-03', list: 'problem', text: '樱桃冷库用电不稳', owner: '李明', due: '2026-03-31' })).toBe(
      true,
    );
    expect(sameAddition(item, { period: '2026-03', list: 'problem', text: '别的事', owner: '李明', due: '2026-03-31' })).toBe(false);
  });
});

describe('a month’s view (往期) and the summary', () => {
  const jan = make({ period: '2026-01', list: 'difficulty', due: '2026-01-31' }, actor('2026-01-05T02:00:00.000Z'));
  const janDoneInFeb = applyReviewAction(
    make({ period: '2026-01', list: 'measure' }, actor('2026-01-06T02:00:00.000Z')),
    { action: 'done', version: 1, note: '完成' },
    actor('2026-02-10T02:00:00.000Z'),
  );
  const feb = make({ period: '2026-02', list: 'solution', due: '2026-04-30' }, actor('2026-02-03T02:00:00.000Z'));
  const mar = make({ period: '2026-03', list: 'problem', due: '2026-03-05' });

  it('shows the month’s items and the earlier ones still open; never later ones; earlier ones done before the month drop out', () => {
    expect(inMonthView(jan, '2026-03')).toBe(true);
    expect(inMonthView(janDoneInFeb, '2026-02')).toBe(true);
    expect(inMonthView(janDoneInFeb, '2026-03')).toBe(false);
    expect(inMonthView(mar, '2026-02')).toBe(false);
    const board = monthBoard([mar, feb, janDoneInFeb, jan], '2026-03', '2026-03-10');
    expect(board.map((i) => [i.list, i.period, i.carried, i.overdue])).toEqual([
      ['difficulty', '2026-01', true, true],
      ['problem', '2026-03', false, true],
      ['solution', '2026-02', true, false],
    ]);
  });

  it('counts open and done per list and lists overdue open items, oldest due first', () => {
    const s = summarize([mar, feb, janDoneInFeb, jan], '2026-02', '2026-03-10');
    expect(s.lists).toEqual({
      difficulty: { open: 1, done: 0 },
      problem: { open: 0, done: 0 },
      solution: { open: 1, done: 0 },
      measure: { open: 0, done: 1 },
    });
    expect(s.overdue.map((o) => o.due)).toEqual(['2026-01-31']);
    const march = summarize([mar, feb, janDoneInFeb, jan], '2026-03', '2026-03-10');
    expect(march.overdue.map((o) => [o.list, o.due])).toEqual([
      ['difficulty', '2026-01-31'],
      ['problem', '2026-03-05'],
    ]);
  });
});
