import type { Routes } from '@chuangxing/shared';
import type { RouteImpl } from '../../platform/http/route-context';
import * as news from './news';

export const listNews: RouteImpl<Routes['listNews']> = async ({ deps, query }) => ({
  status: 200,
  body: await news.listNews(deps, query.limit, query.cursor),
});
export const getNews: RouteImpl<Routes['getNews']> = async ({ deps, principal, params }) => ({
  status: 200,
  body: await news.getNews(deps, principal, params.newsId),
});
export const createNews: RouteImpl<Routes['createNews']> = async ({ deps, principal, allowed, body }) => ({
  status: 201,
  body: await news.createNews(deps, principal, allowed, body),
});
export const deleteNews: RouteImpl<Routes['deleteNews']> = async ({ deps, principal, params }) => ({
  status: 200,
  body: await news.deleteNews(deps, principal, params.newsId),
});
export const presignNewsPhoto: RouteImpl<Routes['presignNewsPhoto']> = async ({ deps, body }) => ({
  status: 200,
  body: await news.presignNewsPhoto(deps, body),
});
