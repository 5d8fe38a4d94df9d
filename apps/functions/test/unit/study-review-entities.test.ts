import { describe, expect, it } from 'vitest';
import type { StoredReviewItem } from '../../src/features/study-review/study-review';
import { studyReviewEntities as E } from '../../src/features/study-review/study-review.entities';

/** The stored format of a 学讲评 item, exactly as the data already in the table has it. */
describe('study-review entities', () => {
  const at = '2026-11-27T02:00:00.000Z';
  const item: StoredReviewItem = {
    id: 'r1',
    branchId: 'b1',
    townshipId: 't1',
    period: '2026-10',
    list: 'problem',
    text: '台账不全',
    owner: '李明',
    status: 'open',
    version: 1,
    createdAt: at,
    createdBy: 'u1',
    updatedAt: at,
    updatedBy: 'u1',
    history: [{ action: 'created', status: 'open', at, byName: '李明' }],
  };

  it('an item not done is indexed under ~open, so every month view reaches it', () => {
    expect(E.item.item({ branchId: 'b1', id: 'r1' }, { ...item, due: undefined })).toEqual({
      pk: 'BR#b1',
      sk: 'REVIEW#r1',
      entity: 'review-item',
      gsi1pk: 'BR#b1#REVIEWS',
      gsi1sk: '~open#2026-10#r1',
      ...item,
    });
    expect(E.branchReviews('b1')).toBe('BR#b1#REVIEWS');
  });

  it('a done item is indexed under the month it was done; reopened, under ~open again', () => {
    const done = { ...item, status: 'done' as const, doneDay: '2026-11-03', doneNote: '已补齐', version: 2 };
    expect(E.item.item({ branchId: 'b1', id: 'r1' }, done)).toMatchObject({ gsi1sk: '2026-11#2026-10#r1', doneDay: '2026-11-03' });
    const reopened = { ...done, status: 'open' as const, doneDay: undefined, doneNote: undefined, version: 3 };
    const stored = E.item.item({ branchId: 'b1', id: 'r1' }, reopened);
    expect(stored.gsi1sk).toBe('~open#2026-10#r1');
    expect('doneDay' in stored || 'doneNote' in stored).toBe(false);
    expect(E.item.parse(stored)).toEqual({ ...item, version: 3 });
  });
});
