import {
  type CreateNewsBody,
  type NewsFeed,
  type NewsPost,
  type PresignedUpload,
  type PresignNewsPhotoBody,
  type Role,
  UPLOAD_LIMITS,
} from '@chuangxing/shared';
import type { Deps } from '../../platform/kernel/deps';
import { forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import { keyedId } from '../../platform/kernel/keyed-id';
import { bindingsFor, isDistrictAdmin, type Principal } from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { presignUpload } from '../../platform/storage/presign-upload';
import { UPLOAD_PREFIXES } from '../../platform/storage/upload-prefixes';
import { verifyStoredPhotos } from '../../platform/storage/verify-stored-photos';
import type { StoredNews } from './news-repository';

const PHOTO_URL_SECONDS = 30 * 60;
const EXCERPT = 80;

const canDelete = (deps: Deps, principal: Principal, p: StoredNews) =>
  p.authorId === principal.user.id || isDistrictAdmin(principal.bindings, deps.districtId);

async function present(deps: Deps, principal: Principal, p: StoredNews): Promise<NewsPost> {
  return {
    id: p.id,
    title: p.title,
    body: p.body,
    photoUrls: await Promise.all(p.photos.map((k) => deps.storage.presignGet(k, PHOTO_URL_SECONDS))),
    authorName: p.authorName,
    authorUnit: p.authorUnit,
    createdAt: p.createdAt,
    canDelete: canDelete(deps, principal, p),
  };
}

/** Everyone logged in reads the feed, newest first, a page at a time. */
export async function listNews(deps: Deps, limit: number, cursor?: string): Promise<NewsFeed> {
  const page = await deps.news.feed(deps.districtId, limit, cursor);
  const posts = await Promise.all(
    page.posts.map(async (p) => ({
      id: p.id,
      title: p.title,
      excerpt: p.body.length > EXCERPT ? `${p.body.slice(0, EXCERPT)}…` : p.body,
      ...(p.photos[0] ? { coverUrl: await deps.storage.presignGet(p.photos[0], PHOTO_URL_SECONDS) } : {}),
      photoCount: p.photos.length,
      authorUnit: p.authorUnit,
      createdAt: p.createdAt,
    })),
  );
  return { posts, ...(page.next ? { nextCursor: page.next } : {}) };
}

export async function getNews(deps: Deps, principal: Principal, id: string): Promise<NewsPost> {
  const p = await deps.news.get(id);
  if (!p || p.districtId !== deps.districtId) throw notFound('动态');
  return present(deps, principal, p);
}

/** The unit a post is signed with: the district for its admins, else the township of the staff binding. */
function authorUnit(principal: Principal, allowed: readonly Role[], districtName: string): string {
  const bindings = bindingsFor(principal, allowed);
  if (bindings.some((b) => b.role === 'district_admin')) return districtName;
  return bindings.find((b) => b.role === 'township_staff')?.scopeLabel ?? districtName;
}

export async function createNews(deps: Deps, principal: Principal, allowed: readonly Role[], body: CreateNewsBody): Promise<NewsPost> {
  const id = keyedId(deps, 'news', principal.user.id, body.key);
  const existing = await deps.news.get(id);
  if (existing) return present(deps, principal, existing);
  await verifyStoredPhotos(
    deps.storage,
    'news/',
    body.photos.map((key, i) => ({ key, path: `body.photos.${i}`, limit: UPLOAD_LIMITS.photo })),
  );
  const district = await deps.org.getDistrict(deps.districtId);
  const post: StoredNews = {
    id,
    districtId: deps.districtId,
    title: body.title,
    body: body.body,
    photos: body.photos,
    authorId: principal.user.id,
    authorName: principal.user.displayName,
    authorUnit: authorUnit(principal, allowed, district?.name ?? '区'),
    createdAt: deps.clock.now().toISOString(),
  };
  await deps.news.create(post);
  return present(deps, principal, (await deps.news.get(id)) ?? post);
}

/** The author, or a district admin. Others who can see it get 403. */
export async function deleteNews(deps: Deps, principal: Principal, id: string) {
  const p = await deps.news.get(id);
  if (!p || p.districtId !== deps.districtId) throw notFound('动态');
  if (!canDelete(deps, principal, p)) throw forbiddenScope();
  await deps.news.delete(id);
  return { deleted: true as const };
}

export function presignNewsPhoto(deps: Deps, body: PresignNewsPhotoBody): Promise<PresignedUpload> {
  return presignUpload(deps, `${UPLOAD_PREFIXES.news}${shanghaiDay(deps.clock.now()).slice(0, 7)}`, body.contentType, UPLOAD_LIMITS.photo);
}
