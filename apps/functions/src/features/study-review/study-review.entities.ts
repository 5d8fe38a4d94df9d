import { defineEntity } from '../../platform/dynamodb/entity';
import type { StoredReviewItem } from './study-review';

/**
 * 学讲评 in the single table. Access patterns (pk / sk, or index):
 * - 学讲评 item of a branch:                     BR#{b} / REVIEW#{itemId}
 * - a branch's 学讲评 items for a month's view:   gsi1: BR#{b}#REVIEWS / {doneMonth|~open}#{period}#{itemId} (>= month)
 * The index key moves when an item is done or reopened, so "open, or done in the month or later" is one
 * range query (`gsi1sk >= month`; "~" sorts after every digit).
 */
const branchReviewsPk = (branchId: string) => `BR#${branchId}#REVIEWS`;

export const studyReviewEntities = {
  /** The index partition of a branch's items. */
  branchReviews: branchReviewsPk,

  item: defineEntity<StoredReviewItem, { branchId: string; id: string }>({
    name: 'review-item',
    key: ({ branchId, id }) => ({ pk: `BR#${branchId}`, sk: `REVIEW#${id}` }),
    index: (i) => ({
      gsi1pk: branchReviewsPk(i.branchId),
      gsi1sk: `${i.status === 'done' && i.doneDay ? i.doneDay.slice(0, 7) : '~open'}#${i.period}#${i.id}`,
    }),
    fields: [
      'id',
      'branchId',
      'townshipId',
      'period',
      'list',
      'text',
      'owner',
      'due',
      'status',
      'doneNote',
      'doneDay',
      'version',
      'createdAt',
      'createdBy',
      'updatedAt',
      'updatedBy',
      'history',
    ],
  }),
};
