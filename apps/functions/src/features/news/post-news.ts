import {
  type CreateNewsBody,
  type NewsPost,
  type PresignedUpload,
  type PresignNewsPhotoBody,
  type Role,
  UPLOAD_LIMITS,
} from '@chuangxing/shared';
import { keyedId } from '../../platform/kernel/keyed-id';
import type { Principal } from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { presignUpload } from '../../platform/storage/presign-upload';
import { uploadFolder } from '../../platform/storage/upload-prefixes';
import { verifyStoredPhotos } from '../../platform/storage/verify-stored-photos';
import { authorUnit, type StoredNews } from './news';
import type { NewsPorts } from './news.ports';
import { presentNews } from './read-news';

/** District admins and township staff post; a retried post (same key) returns the first. Photos are uploaded first. */
export async function createNews(deps: NewsPorts, principal: Principal, allowed: readonly Role[], body: CreateNewsBody): Promise<NewsPost> {
  const id = keyedId(deps, 'news', principal.user.id, body.key);
  const existing = await deps.news.get(id);
  if (existing) return presentNews(deps, principal, existing);
  await verifyStoredPhotos(
    deps.storage,
    uploadFolder('news'),
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
  return presentNews(deps, principal, (await deps.news.get(id)) ?? post);
}

/** One presigned upload for a photo of a post, under news/{yyyy-mm}/. */
export function presignNewsPhoto(deps: NewsPorts, body: PresignNewsPhotoBody): Promise<PresignedUpload> {
  return presignUpload(deps, uploadFolder('news', shanghaiDay(deps.clock.now()).slice(0, 7)), body.contentType, UPLOAD_LIMITS.photo);
}
