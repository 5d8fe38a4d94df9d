import type { PresignedUpload } from '@chuangxing/shared';
import type { Kernel } from '../kernel/kernel';
import type { ObjectStorage } from './object-storage';

/** A presigned form is good for this long; the client uploads right after asking. */
export const PRESIGN_SECONDS = 10 * 60;

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/**
 * One presigned POST in `folder` (uploadFolder: a report day, a letter's community and day, a plan year) with
 * a fresh ULID key, so an upload never overwrites another; the storage enforces the type and `maxBytes`.
 */
export async function presignUpload(
  deps: Pick<Kernel, 'clock' | 'ids'> & { storage: Pick<ObjectStorage, 'presignPost'> },
  folder: string,
  contentType: string,
  maxBytes: number,
): Promise<PresignedUpload> {
  const now = deps.clock.now();
  const key = `${folder}${deps.ids.next()}.${EXTENSIONS[contentType]}`;
  const { url, fields } = await deps.storage.presignPost(key, { contentType, maxBytes, expiresInSeconds: PRESIGN_SECONDS });
  return { key, url, fields, maxBytes, expiresAt: new Date(now.getTime() + PRESIGN_SECONDS * 1000).toISOString() };
}
