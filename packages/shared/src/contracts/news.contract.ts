import '../zod-config';
import * as z from 'zod/mini';
import { ROLES } from '../enums';
import { defineRoute, rolesAccess } from '../route';
import { ClientKey, Id, IsoDateTime, intParam, PHOTO_CONTENT_TYPES, PresignedUpload, UPLOAD_LIMITS, uniqueItems } from './common.contract';
import { userText } from './user-text';

/** 创星动态: campaign news posted by the district and the townships, read by everyone in the app. */

export const MAX_NEWS_PHOTOS = 9;
/** Photos are uploaded first through a presigned POST under `news/{yyyy-mm}/`. */
export const NewsPhotoKey = z.string().check(z.regex(/^news\/\d{4}-\d{2}\/[A-Za-z0-9]{10,40}\.(jpg|png|webp)$/, '照片编号无效'));

export const CreateNewsBody = z.strictObject({
  key: ClientKey,
  title: userText({ min: 1, max: 60, empty: '请填写标题' }),
  body: userText({ min: 1, max: 5000, empty: '请填写正文', multiline: true }),
  photos: z._default(uniqueItems(z.array(NewsPhotoKey).check(z.maxLength(MAX_NEWS_PHOTOS, `最多 ${MAX_NEWS_PHOTOS} 张照片`))), []),
});
export type CreateNewsBody = z.infer<typeof CreateNewsBody>;

export const NewsPost = z.object({
  id: Id,
  title: z.string(),
  body: z.string(),
  photoUrls: z.array(z.string()),
  authorName: z.string(),
  /** 二七区 or the township's name. */
  authorUnit: z.string(),
  createdAt: IsoDateTime,
  /** The author or a district admin. */
  canDelete: z.boolean(),
});
export type NewsPost = z.infer<typeof NewsPost>;

export const NewsSummary = z.object({
  id: Id,
  title: z.string(),
  excerpt: z.string(),
  coverUrl: z.optional(z.string()),
  photoCount: z.int(),
  authorUnit: z.string(),
  createdAt: IsoDateTime,
});
export type NewsSummary = z.infer<typeof NewsSummary>;

/** Where the next page starts: the last post's time and id, `2026-11-27T02:00:00.000Z~{id}`; any such value is a valid place. */
export const NewsCursor = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z~[A-Za-z0-9_-]{1,64}$/, '分页参数无效，请从头加载'));

export const NewsFeedQuery = z.strictObject({
  /** The `nextCursor` of the previous page. */
  cursor: z.optional(NewsCursor),
  limit: z._default(intParam(1, 20), 10),
});
export const NewsFeed = z.object({ posts: z.array(NewsSummary), nextCursor: z.optional(NewsCursor) });
export type NewsFeed = z.infer<typeof NewsFeed>;
export const NewsPath = z.strictObject({ newsId: Id });

export const PresignNewsPhotoBody = z.strictObject({
  contentType: z.enum(PHOTO_CONTENT_TYPES),
  size: z.int().check(z.minimum(1), z.maximum(UPLOAD_LIMITS.photo)),
});
export type PresignNewsPhotoBody = z.infer<typeof PresignNewsPhotoBody>;

/* ---------- routes ---------- */

/** 创星动态: the campaign news feed. */
export const newsRoutes = {
  listNews: defineRoute({
    method: 'GET',
    path: '/v1/news',
    summary: '创星动态: the campaign news feed, newest first, cursor-paginated (everyone logged in)',
    access: rolesAccess(...ROLES),
    query: NewsFeedQuery,
    responses: { 200: NewsFeed },
  }),
  getNews: defineRoute({
    method: 'GET',
    path: '/v1/news/{newsId}',
    summary: 'One news post with its photos',
    access: rolesAccess(...ROLES),
    params: NewsPath,
    responses: { 200: NewsPost },
  }),
  createNews: defineRoute({
    method: 'POST',
    path: '/v1/news',
    summary: 'Post news (title, text, ≤ 9 photos already uploaded; idempotent on `key`)',
    access: rolesAccess('district_admin', 'township_staff'),
    body: CreateNewsBody,
    responses: { 201: NewsPost },
  }),
  deleteNews: defineRoute({
    method: 'DELETE',
    path: '/v1/news/{newsId}',
    summary: 'The author or a district admin deletes a post',
    access: rolesAccess('district_admin', 'township_staff'),
    params: NewsPath,
    responses: { 200: z.object({ deleted: z.literal(true) }) },
  }),
  presignNewsPhoto: defineRoute({
    method: 'POST',
    path: '/v1/uploads/news',
    summary: 'A presigned POST for one news photo (≤ 2 MB)',
    access: rolesAccess('district_admin', 'township_staff'),
    body: PresignNewsPhotoBody,
    responses: { 200: PresignedUpload },
  }),
} as const;
