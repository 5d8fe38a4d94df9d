import { isH5 } from '../../../config/runtime-config';
import {
  chooseImagesWeapp,
  compressPickedWeapp,
  contentTypeOfPath,
  drawScaled,
  fileSize,
  fileSystem,
  loadImage,
  PHOTO_MAX_SIDE,
  PHOTO_QUALITY,
  reencodeWeapp,
  THUMB_QUALITY,
  THUMB_WIDTH,
} from '../../../services/photo-upload';
import type { PhotoContentType } from '../offline/draft-store';

export { type PresignedTarget, uploadToPresigned } from '../../../services/photo-upload';

/**
 * The report's photos on the device: picked and compressed (src/services/photo-upload.ts), each with a
 * thumbnail, and kept until uploaded (saved files in weapp survive a restart; H5 object URLs do not).
 */

/** A compressed photo ready to upload. Paths are saved files in weapp and object URLs in H5. */
export interface PreparedPhoto {
  localPath: string;
  thumbPath?: string;
  size: number;
  thumbSize?: number;
  contentType: PhotoContentType;
}

const ignore = () => undefined;

/** Keep a temp file across restarts (WeChat may delete temp files once the app closes). */
function keep(path: string): Promise<string> {
  return new Promise((resolve) => {
    const fs = fileSystem();
    if (!fs) return resolve(path);
    fs.saveFile({
      tempFilePath: path,
      success: (res) => resolve(res.savedFilePath || path),
      fail: () => resolve(path),
    });
  });
}

/** weapp: pick up to `count` pictures (camera or album) and compress them. Cancel answers []. */
export async function pickPhotosWeapp(count: number): Promise<PreparedPhoto[]> {
  const files = await chooseImagesWeapp(count);
  const out: PreparedPhoto[] = [];
  for (const file of files) {
    // A picture WeChat could not compress goes as picked (the server still checks its size).
    const compressed = await compressPickedWeapp(file);
    const photo = compressed?.path ?? file.tempFilePath;
    const size = compressed?.size ?? (await fileSize(photo)) ?? file.size;
    const thumb =
      (await reencodeWeapp(file.tempFilePath, THUMB_QUALITY, { width: file.width || THUMB_WIDTH * 2, height: 0 }, THUMB_WIDTH)) ??
      file.tempFilePath;
    const thumbSize = thumb === file.tempFilePath ? undefined : await fileSize(thumb);
    out.push({
      localPath: await keep(photo),
      thumbPath: thumbSize ? await keep(thumb) : undefined,
      size,
      thumbSize,
      contentType: contentTypeOfPath(photo),
    });
  }
  return out;
}

/* ---------- H5 ---------- */

/** H5: compress picked files in a canvas (JPEG); a file the browser cannot decode is sent as is if allowed. */
export async function preparePhotosFromFiles(files: File[]): Promise<PreparedPhoto[]> {
  const out: PreparedPhoto[] = [];
  for (const file of files) {
    const source = URL.createObjectURL(file);
    try {
      const img = await loadImage(source);
      const photo = await drawScaled(img, PHOTO_MAX_SIDE, PHOTO_MAX_SIDE, PHOTO_QUALITY);
      const thumb = await drawScaled(img, THUMB_WIDTH, THUMB_WIDTH * 4, THUMB_QUALITY);
      if (!photo) throw new Error('no canvas');
      out.push({
        localPath: URL.createObjectURL(photo),
        thumbPath: thumb ? URL.createObjectURL(thumb) : undefined,
        size: photo.size,
        thumbSize: thumb?.size,
        contentType: 'image/jpeg',
      });
      URL.revokeObjectURL(source);
    } catch {
      const type = (['image/jpeg', 'image/png', 'image/webp'] as const).find((t) => t === file.type);
      if (!type) {
        URL.revokeObjectURL(source);
        continue;
      }
      out.push({ localPath: source, size: file.size, contentType: type });
    }
  }
  return out;
}

/* ---------- both ---------- */

/** Is the local file still there? (A saved file in weapp; an object URL lives only as long as the page.) */
export async function localFileExists(path: string | undefined): Promise<boolean> {
  if (!path) return false;
  if (isH5()) {
    try {
      const res = await fetch(path);
      return res.ok;
    } catch {
      return false;
    }
  }
  return (await fileSize(path)) !== undefined;
}

export function discardLocalFile(path: string | undefined): void {
  if (!path) return;
  if (isH5()) {
    if (path.startsWith('blob:')) URL.revokeObjectURL(path);
    return;
  }
  fileSystem()?.removeSavedFile({ filePath: path, fail: ignore });
}
