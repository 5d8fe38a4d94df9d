import type { NewsFeed, NewsPost } from '@chuangxing/shared';
import { notFound } from '../../platform/kernel/domain-error';
import type { Principal } from '../../platform/kernel/principal';
import { nameResolver } from '../identity/identity.readers';
import { canDeleteNews, excerptOf, type StoredNews } from './news';
import type { NewsPorts } from './news.ports';

const PHOTO_URL_SECONDS = 30 * 60;

export async function presentNews(deps: NewsPorts, principal: Principal, p: StoredNews): Promise<NewsPost> {
  const nameOf = await nameResolver(deps.people, [p.authorId]);
  return {
    id: p.id,
    title: p.title,
    body: p.body,
    photoUrls: await Promise.all(p.photos.map((k) => deps.storage.presignGet(k, PHOTO_URL_SECONDS))),
    authorName: nameOf(p.authorId, p.authorName),
    authorUnit: p.authorUnit,
    createdAt: p.createdAt,
    canDelete: canDeleteNews(deps.districtId, principal, p),
  };
}

/** Everyone logged in reads the feed, newest first, a page at a time. */
export async function listNews(deps: NewsPorts, limit: number, cursor?: string): Promise<NewsFeed> {
  const page = await deps.news.feed(deps.districtId, limit, cursor);
  const posts = await Promise.all(
    page.posts.map(async (p) => ({
      id: p.id,
      title: p.title,
      excerpt: excerptOf(p.body),
      ...(p.photos[0] ? { coverUrl: await deps.storage.presignGet(p.photos[0], PHOTO_URL_SECONDS) } : {}),
      photoCount: p.photos.length,
      authorUnit: p.authorUnit,
      createdAt: p.createdAt,
    })),
  );
  return { posts, ...(page.next ? { nextCursor: page.next } : {}) };
}

/** A post of the district; another district's does not exist here. */
export async function districtNews(deps: Pick<NewsPorts, 'districtId' | 'news'>, id: string): Promise<StoredNews> {
  const p = await deps.news.get(id);
  if (!p || p.districtId !== deps.districtId) throw notFound('动态');
  return p;
}

export async function getNews(deps: NewsPorts, principal: Principal, id: string): Promise<NewsPost> {
  return presentNews(deps, principal, await districtNews(deps, id));
}
