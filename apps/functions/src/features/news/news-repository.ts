import type { StoredNews } from './news';

/** 创星动态: the district's news feed. */
export interface NewsRepository {
  /** Conditional insert; false when the id exists (a retried post). */
  create(post: StoredNews): Promise<boolean>;
  get(id: string): Promise<StoredNews | undefined>;
  /** Newest first; `cursor` is the opaque `next` of the previous page. */
  feed(districtId: string, limit: number, cursor?: string): Promise<{ posts: StoredNews[]; next?: string }>;
  /** NOT_FOUND when already gone. */
  delete(id: string): Promise<void>;
}
