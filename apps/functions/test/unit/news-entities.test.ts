import { describe, expect, it } from 'vitest';
import type { StoredNews } from '../../src/features/news/news';
import { feedPosition, newsEntities, newsQueries } from '../../src/features/news/news.entities';

// The item as the adapter wrote it before the entity was declared: keys, `entity`, then the record.
// Stored posts must keep working, so the entity must write exactly these attributes and read them back.

const post: StoredNews = {
  id: 'n1',
  districtId: 'erqi',
  title: '推进会召开',
  body: '正文',
  photos: ['news/2026-11/01ABCDEFGHJK.jpg'],
  authorId: 'u1',
  authorName: '王干事',
  authorUnit: '一号街道',
  createdAt: '2026-11-27T02:00:00.000Z',
};

describe('news entities write the items as before', () => {
  it('a post: NEWS#{id} / NEWS, in the district feed at {createdAt}#{id}', () => {
    const item = newsEntities.post.item(post, post);
    expect(item).toStrictEqual({
      pk: 'NEWS#n1',
      sk: 'NEWS',
      entity: 'news',
      gsi1pk: 'DIST#erqi#NEWS',
      gsi1sk: '2026-11-27T02:00:00.000Z#n1',
      ...post,
    });
    expect(newsEntities.post.parse(item)).toStrictEqual(post);
    expect(feedPosition(post)).toBe(item.gsi1sk);
    expect(newsQueries.feed('erqi')).toBe('DIST#erqi#NEWS');
  });
});
