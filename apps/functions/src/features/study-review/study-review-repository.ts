import type { StoredReviewItem } from './study-review';

export interface StudyReviewRepository {
  get(branchId: string, itemId: string): Promise<StoredReviewItem | undefined>;
  /** Insert only: CONFLICT when an item with this id exists already (the caller checks whether it is a retry). */
  create(item: StoredReviewItem): Promise<void>;
  /** Conditional on the version the editor saw → CONFLICT otherwise. */
  put(item: StoredReviewItem, expectedVersion: number): Promise<void>;
  /**
   * The branch's items a month's view may show: every item not done, and those done in `month` or later
   * (the caller drops the ones listed after the month). Bounded by the branch's open work, never a scan.
   */
  forMonth(branchId: string, month: string): Promise<StoredReviewItem[]>;
}
