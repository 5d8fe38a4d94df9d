import Taro from '@tarojs/taro';
import { UPLOAD_LIMITS } from '@chuangxing/shared';
import { isH5 } from '../../../config/runtime-config';
import type { PhotoContentType } from '../offline/draft-store';

/**
 * Photos on the device: picking, compressing for 3G, keeping them until uploaded, and the multipart
 * upload to a presigned POST. weapp uses Taro's media and file APIs; H5 (the local stack and the
 * browser tests) uses a file input, a canvas and XMLHttpRequest.
 */

/** A compressed photo ready to upload. Paths are saved files in weapp and object URLs in H5. */
export interface PreparedPhoto {
  localPath: string;
  thumbPath?: string;
  size: number;
  thumbSize?: number;
  contentType: PhotoContentType;
}

/** Long side of the uploaded photo, JPEG quality (0–100); the thumbnail's width and quality. */
export const PHOTO_MAX_SIDE = 1280;
export const PHOTO_QUALITY = 60;
export const THUMB_WIDTH = 240;
export const THUMB_QUALITY = 50;

const ignore = () => undefined;

function contentTypeOfPath(path: string): PhotoContentType {
  const lower = path.toLowerCase().split('?')[0];
  if (lower.endsWith('.png')) return 'image/png';
  if (lower.endsWith('.webp')) return 'image/webp';
  return 'image/jpeg';
}

function fileSystem(): Taro.FileSystemManager | undefined {
  try {
    return Taro.getFileSystemManager();
  } catch {
    return undefined;
  }
}

/** Bytes of a local file; undefined when it is gone. */
function fileSize(path: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const fs = fileSystem();
    if (!fs) return resolve(undefined);
    fs.getFileInfo({
      filePath: path,
      success: (res) => resolve(typeof res.size === 'number' ? res.size : undefined),
      fail: () => resolve(undefined),
    });
  });
}

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

async function compressWeapp(src: string, quality: number, size: { width?: number; height?: number }, maxSide: number): Promise<string> {
  const { width = 0, height = 0 } = size;
  const option: Taro.compressImage.Option = { src, quality };
  // Only shrink: compressedWidth/Height (base library 2.26+) would also enlarge a small picture.
  if (height > width && height > maxSide) option.compressedHeight = maxSide;
  else if (width >= height && width > maxSide) option.compressedWidth = maxSide;
  else if (!width && !height) option.compressedWidth = maxSide;
  try {
    return (await Taro.compressImage(option)).tempFilePath;
  } catch {
    return src;
  }
}

/** weapp: pick up to `count` pictures (camera or album) and compress them. Cancel answers []. */
export async function pickPhotosWeapp(count: number): Promise<PreparedPhoto[]> {
  let files: Taro.chooseMedia.ChooseMedia[];
  try {
    const res = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
    files = res.tempFiles;
  } catch {
    return [];
  }
  const out: PreparedPhoto[] = [];
  for (const file of files) {
    const dims = { width: file.width, height: file.height };
    let photo = await compressWeapp(file.tempFilePath, PHOTO_QUALITY, dims, PHOTO_MAX_SIDE);
    let size = (await fileSize(photo)) ?? file.size;
    if (size > UPLOAD_LIMITS.photo) {
      photo = await compressWeapp(file.tempFilePath, 30, dims, PHOTO_MAX_SIDE);
      size = (await fileSize(photo)) ?? size;
    }
    const thumb = await compressWeapp(file.tempFilePath, THUMB_QUALITY, { width: file.width || THUMB_WIDTH * 2, height: 0 }, THUMB_WIDTH);
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

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('image decode failed'));
    img.src = url;
  });
}

function drawScaled(img: HTMLImageElement, maxWidth: number, maxSide: number, quality: number): Promise<Blob | null> {
  let w = img.naturalWidth || img.width;
  let h = img.naturalHeight || img.height;
  const scale = Math.min(1, maxWidth / w, maxSide / Math.max(w, h));
  w = Math.max(1, Math.round(w * scale));
  h = Math.max(1, Math.round(h * scale));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.resolve(null);
  ctx.drawImage(img, 0, 0, w, h);
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b), 'image/jpeg', quality / 100));
}

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

export interface PresignedTarget {
  url: string;
  fields: Record<string, string>;
}

/**
 * POST the file as multipart/form-data with the presigned fields first and the file in `file`.
 * Resolves with the HTTP status; rejects when no answer came (offline, timeout).
 */
export function uploadToPresigned(target: PresignedTarget, path: string, contentType: string, onProgress: (percent: number) => void): Promise<number> {
  if (isH5()) return uploadH5(target, path, contentType, onProgress);
  return new Promise<number>((resolve, reject) => {
    const task = Taro.uploadFile({
      url: target.url,
      filePath: path,
      name: 'file',
      formData: target.fields,
      timeout: 60_000,
      success: (res) => resolve(res.statusCode),
      fail: (err) => reject(err),
    });
    task?.onProgressUpdate?.((p) => onProgress(p.progress));
  });
}

async function uploadH5(target: PresignedTarget, path: string, contentType: string, onProgress: (percent: number) => void): Promise<number> {
  const blob = await (await fetch(path)).blob();
  const form = new FormData();
  for (const [k, v] of Object.entries(target.fields)) form.append(k, v);
  const ext = contentType === 'image/png' ? 'png' : contentType === 'image/webp' ? 'webp' : 'jpg';
  form.append('file', blob.type ? blob : new Blob([blob], { type: contentType }), `photo.${ext}`);
  return new Promise<number>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', target.url);
    xhr.timeout = 60_000;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => resolve(xhr.status);
    xhr.onerror = () => reject(new Error('upload failed'));
    xhr.ontimeout = () => reject(new Error('upload timeout'));
    xhr.send(form);
  });
}
