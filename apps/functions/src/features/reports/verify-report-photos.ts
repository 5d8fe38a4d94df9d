import { type PhotoRef, UPLOAD_LIMITS } from '@chuangxing/shared';
import type { ObjectStorage } from '../../platform/storage/object-storage';
import { uploadFolder } from '../../platform/storage/upload-prefixes';
import { verifyStoredPhotos } from '../../platform/storage/verify-stored-photos';

/** A report's photos live under `daily-report/{branch}/{day}/`. */
export function verifyReportPhotos(storage: ObjectStorage, branchId: string, day: string, photos: PhotoRef[]): Promise<void> {
  return verifyStoredPhotos(
    storage,
    uploadFolder('dailyReport', branchId, day),
    photos.flatMap((p, i) => [
      { key: p.key, path: `body.content.photos.${i}.key`, limit: UPLOAD_LIMITS.photo },
      ...(p.thumbKey ? [{ key: p.thumbKey, path: `body.content.photos.${i}.thumbKey`, limit: UPLOAD_LIMITS.thumb }] : []),
    ]),
  );
}
