import { UPLOAD_LIMITS } from '@chuangxing/shared';
import { api } from '../../../services/api';
import { failureError, failureOf } from '../../../services/api-failure';
import {
  PHOTO_MAX_SIDE,
  PHOTO_QUALITY,
  UPLOADED_STATUSES,
  chooseImagesWeapp,
  compressPickedWeapp,
  contentTypeOfPath,
  drawScaled,
  loadImage,
  uploadRefusal,
  uploadToPresigned,
  type PhotoContentType,
} from '../../../services/photo-upload';

/**
 * A letter's photos: compressed like the report's (src/services/photo-upload.ts), but never sent as
 * picked. The writer may be anonymous, and an original photo's EXIF can name the place (GPS) and the phone:
 * only a re-encoded copy goes out, and a picture that cannot be re-encoded is refused.
 */
export interface PreparedLetterPhoto {
  /** A temp file in weapp, an object URL in H5. */
  localPath: string;
  size: number;
  contentType: PhotoContentType;
}

export interface PreparedLetterPhotos {
  photos: PreparedLetterPhoto[];
  /** Pictures that could not be re-encoded (or stayed too big), left out. */
  refused: number;
}

/** weapp: pick up to `count` pictures and re-encode each with compressImage (which drops EXIF). */
export async function pickLetterPhotosWeapp(count: number): Promise<PreparedLetterPhotos> {
  const files = await chooseImagesWeapp(count);
  const photos: PreparedLetterPhoto[] = [];
  let refused = 0;
  for (const file of files) {
    const compressed = await compressPickedWeapp(file);
    if (!compressed || compressed.size > UPLOAD_LIMITS.photo) {
      refused += 1;
      continue;
    }
    photos.push({ localPath: compressed.path, size: compressed.size, contentType: contentTypeOfPath(compressed.path) });
  }
  return { photos, refused };
}

/** H5: each file drawn into a canvas and encoded as a new JPEG (no EXIF); one the browser cannot decode is refused. */
export async function prepareLetterPhotosFromFiles(files: File[]): Promise<PreparedLetterPhotos> {
  const photos: PreparedLetterPhoto[] = [];
  let refused = 0;
  for (const file of files) {
    const source = URL.createObjectURL(file);
    try {
      const blob = await drawScaled(await loadImage(source), PHOTO_MAX_SIDE, PHOTO_MAX_SIDE, PHOTO_QUALITY);
      if (!blob || blob.size > UPLOAD_LIMITS.photo) throw new Error('not encoded');
      photos.push({ localPath: URL.createObjectURL(blob), size: blob.size, contentType: 'image/jpeg' });
    } catch {
      refused += 1;
    } finally {
      URL.revokeObjectURL(source);
    }
  }
  return { photos, refused };
}

/** Presign (filed under the community and day, never the writer) and POST the photo; answers its key. */
export async function uploadLetterPhoto(branchId: string, photo: PreparedLetterPhoto, onProgress: (percent: number) => void): Promise<string> {
  const res = await api.presignLetterPhoto({ body: { branchId, contentType: photo.contentType, size: photo.size } });
  if (res.status !== 200) throw failureError(failureOf(res));
  const status = await uploadToPresigned(res.body, photo.localPath, photo.contentType, onProgress);
  if (!UPLOADED_STATUSES.includes(status)) throw failureError({ status, message: uploadRefusal(status) });
  return res.body.key;
}

/** An H5 object URL is freed once its photo is removed; weapp temp files go with the session. */
export function releaseLetterPhoto(photo: PreparedLetterPhoto): void {
  if (photo.localPath.startsWith('blob:')) URL.revokeObjectURL(photo.localPath);
}
