import { defineEntity } from '../../platform/dynamodb/entity';
import { everyField } from '../../platform/dynamodb/every-field';
import type { StoredNews } from './news';

/**
 * 创星动态 in the single table (access patterns):
 * - a news post and the feed, newest first:      NEWS#{id} / NEWS; gsi1: DIST#{d}#NEWS / {createdAt}#{id}
 */
const feedPk = (districtId: string) => `DIST#${districtId}#NEWS`;

/** A post's place in the feed (gsi1 sort key): `{createdAt}#{id}`. */
export const feedPosition = (p: Pick<StoredNews, 'createdAt' | 'id'>) => `${p.createdAt}#${p.id}`;

export const newsEntities = {
  post: defineEntity<StoredNews, { id: string }>({
    name: 'news',
    key: ({ id }) => ({ pk: `NEWS#${id}`, sk: 'NEWS' }),
    index: (p) => ({ gsi1pk: feedPk(p.districtId), gsi1sk: feedPosition(p) }),
    fields: everyField<StoredNews>()(['id', 'districtId', 'title', 'body', 'photos', 'authorId', 'authorName', 'authorUnit', 'createdAt']),
  }),
};

export const newsQueries = {
  /** gsi1: the district's feed, by feed position. */
  feed: (districtId: string) => feedPk(districtId),
};
