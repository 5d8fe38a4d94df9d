import { PHOTO_CONTENT_TYPES } from '@chuangxing/shared';
import { invalidFields } from '../kernel/domain-error';
import type { ObjectStorage } from './object-storage';

const EXT_TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

export interface PhotoCheck {
  key: string;
  /** The field to name when this photo is refused. */
  path: string;
  limit: number;
}

/**
 * The second check after the presigned POST's own: every photo must sit in the expected folder (uploadFolder), exist,
 * and be an allowed image type within its size limit. A failure names the photo's field.
 */
export async function verifyStoredPhotos(storage: ObjectStorage, folder: string, checks: PhotoCheck[]): Promise<void> {
  const errors: { path: string; code: string; message: string }[] = [];
  const heads = await Promise.all(checks.map((c) => (c.key.startsWith(folder) ? storage.head(c.key) : Promise.resolve(null))));
  checks.forEach((c, i) => {
    const head = heads[i];
    if (head === null) errors.push({ path: c.path, code: 'foreign_photo', message: '照片不属于这里' });
    else if (!head) errors.push({ path: c.path, code: 'photo_missing', message: '照片未上传成功，请重新上传' });
    else if (
      !(PHOTO_CONTENT_TYPES as readonly string[]).includes(head.contentType) ||
      EXT_TYPES[c.key.slice(c.key.lastIndexOf('.') + 1)] !== head.contentType
    ) {
      errors.push({ path: c.path, code: 'photo_type', message: '照片格式不支持，请使用 JPG、PNG 或 WebP' });
    } else if (head.size > c.limit)
      errors.push({ path: c.path, code: 'photo_too_big', message: `照片超过 ${Math.round(c.limit / 1024)} KB 上限` });
  });
  if (errors.length) throw invalidFields('照片有误，请检查后重新提交', errors);
}
