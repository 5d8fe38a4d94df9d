import { failureError, failureOf } from './api-failure';
import {
  chooseImagesWeapp,
  compressPickedWeapp,
  contentTypeOfPath,
  drawScaled,
  loadImage,
  PHOTO_MAX_SIDE,
  PHOTO_QUALITY,
  type PhotoContentType,
  type PresignedTarget,
  UPLOADED_STATUSES,
  uploadRefusal,
  uploadToPresigned,
} from './photo-upload';

/**
 * Picking photos for the pages that upload them one by one as soon as they are picked (inspections, plan
 * evidence, letters, news): picked or chosen pictures re-encoded with photo-upload.ts (quality 60, long side
 * ≤ 1280, no EXIF), then the presigned POST. Used only by subpackages, so the build copies it into each of them.
 */
export interface PreparedPhoto {
  /** A temp file in weapp, an object URL in H5. */
  localPath: string;
  size: number;
  contentType: PhotoContentType;
}

export interface PreparedPhotos {
  photos: PreparedPhoto[];
  /** Pictures left out: not re-encodable (unless the original may go) or over `maxBytes`. */
  refused: number;
}

export interface PickOptions {
  /** Leave out a picture larger than this after re-encoding (none when absent). */
  maxBytes?: number;
  /**
   * weapp, when compressImage failed: 'refuse' the picture, or 'send' the original (it keeps its EXIF, so never
   * for anonymous letters).
   */
  original: 'refuse' | 'send';
}

/** weapp: pick up to `count` pictures (camera or album; cancel answers none) and re-encode each. */
export async function pickPhotosWeapp(count: number, options: PickOptions): Promise<PreparedPhotos> {
  const photos: PreparedPhoto[] = [];
  let refused = 0;
  for (const file of await chooseImagesWeapp(count)) {
    const compressed = await compressPickedWeapp(file);
    const chosen = compressed ?? (options.original === 'send' ? { path: file.tempFilePath, size: file.size } : undefined);
    if (!chosen || (options.maxBytes !== undefined && chosen.size > options.maxBytes)) {
      refused += 1;
      continue;
    }
    photos.push({ localPath: chosen.path, size: chosen.size, contentType: contentTypeOfPath(chosen.path) });
  }
  return { photos, refused };
}

/** H5: each file drawn into a canvas and encoded as a new JPEG (no EXIF); one the browser cannot decode is refused. */
export async function reencodeFilesH5(files: File[], options: Pick<PickOptions, 'maxBytes'> = {}): Promise<PreparedPhotos> {
  const photos: PreparedPhoto[] = [];
  let refused = 0;
  for (const file of files) {
    const source = URL.createObjectURL(file);
    try {
      const blob = await drawScaled(await loadImage(source), PHOTO_MAX_SIDE, PHOTO_MAX_SIDE, PHOTO_QUALITY);
      if (!blob || (options.maxBytes !== undefined && blob.size > options.maxBytes)) throw new Error('not encoded');
      photos.push({ localPath: URL.createObjectURL(blob), size: blob.size, contentType: 'image/jpeg' });
    } catch {
      refused += 1;
    } finally {
      URL.revokeObjectURL(source);
    }
  }
  return { photos, refused };
}

/**
 * The presign's answer (already asked for the photo's type and size), then the multipart POST of the photo;
 * answers the stored key. Rejects with a Failure: the API's refusal, or the storage's.
 */
export async function uploadPreparedPhoto(
  presigned: { status: number; body: unknown },
  photo: PreparedPhoto,
  onProgress: (percent: number) => void = () => undefined,
): Promise<string> {
  if (presigned.status !== 200) throw failureError(failureOf(presigned));
  const target = presigned.body as PresignedTarget & { key: string };
  const status = await uploadToPresigned(target, photo.localPath, photo.contentType, onProgress);
  if (!UPLOADED_STATUSES.includes(status)) throw failureError({ status, message: uploadRefusal(status) });
  return target.key;
}

/** An H5 object URL is freed once its photo is removed; weapp temp files go with the session. */
export function releasePhoto(photo: { localPath: string }): void {
  if (photo.localPath.startsWith('blob:')) URL.revokeObjectURL(photo.localPath);
}
