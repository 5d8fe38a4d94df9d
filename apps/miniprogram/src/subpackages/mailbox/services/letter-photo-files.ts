import { UPLOAD_LIMITS } from '@chuangxing/shared';
import { api } from '../../../services/api';
import {
  type PreparedPhoto,
  type PreparedPhotos,
  pickPhotosWeapp,
  reencodeFilesH5,
  releasePhoto,
  uploadPreparedPhoto,
} from '../../../services/photo-prepare';

/**
 * A letter's photos: compressed like the report's (src/services/photo-upload.ts), but never sent as
 * picked. The writer may be anonymous, and an original photo's EXIF can name the place (GPS) and the phone:
 * only a re-encoded copy goes out, and a picture that cannot be re-encoded is refused.
 */
export type PreparedLetterPhoto = PreparedPhoto;
export type PreparedLetterPhotos = PreparedPhotos;

/** weapp: pick up to `count` pictures and re-encode each with compressImage (which drops EXIF); never the original. */
export function pickLetterPhotosWeapp(count: number): Promise<PreparedLetterPhotos> {
  return pickPhotosWeapp(count, { maxBytes: UPLOAD_LIMITS.photo, original: 'refuse' });
}

/** H5: each file drawn into a canvas and encoded as a new JPEG (no EXIF); one the browser cannot decode is refused. */
export function prepareLetterPhotosFromFiles(files: File[]): Promise<PreparedLetterPhotos> {
  return reencodeFilesH5(files, { maxBytes: UPLOAD_LIMITS.photo });
}

/** Presign (filed under the community and day, never the writer) and POST the photo; answers its key. */
export async function uploadLetterPhoto(
  branchId: string,
  photo: PreparedLetterPhoto,
  onProgress: (percent: number) => void,
): Promise<string> {
  const res = await api.presignLetterPhoto({ body: { branchId, contentType: photo.contentType, size: photo.size } });
  return uploadPreparedPhoto(res, photo, onProgress);
}

/** An H5 object URL is freed once its photo is removed; weapp temp files go with the session. */
export const releaseLetterPhoto: (photo: PreparedLetterPhoto) => void = releasePhoto;
