import type { newsRoutes } from '@chuangxing/shared';
import type { RouteImpls } from '../../platform/http/route-context';
import { deleteNews } from './delete-news';
import type { NewsPorts } from './news.ports';
import { createNews, presignNewsPhoto } from './post-news';
import { getNews, listNews } from './read-news';

export const newsImplementations: RouteImpls<typeof newsRoutes, NewsPorts> = {
  listNews: async ({ deps, query }) => ({ status: 200, body: await listNews(deps, query.limit, query.cursor) }),
  getNews: async ({ deps, principal, params }) => ({ status: 200, body: await getNews(deps, principal, params.newsId) }),
  createNews: async ({ deps, principal, allowed, body }) => ({ status: 201, body: await createNews(deps, principal, allowed, body) }),
  deleteNews: async ({ deps, principal, params }) => ({ status: 200, body: await deleteNews(deps, principal, params.newsId) }),
  presignNewsPhoto: async ({ deps, body }) => ({ status: 200, body: await presignNewsPhoto(deps, body) }),
};
