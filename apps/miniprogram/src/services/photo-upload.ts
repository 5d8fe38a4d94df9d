import { type PHOTO_CONTENT_TYPES, UPLOAD_LIMITS } from '@chuangxing/shared';
import Taro from '@tarojs/taro';
import { isPrivacyRefusal, PHOTO_PRIVACY_REFUSED, wechatPlatform } from './wechat-platform';

/**
 * Photo compression and the multipart upload to a presigned POST, shared by the reports, mailbox, inspections,
 * plans and news subpackages (the last four through photo-prepare.ts); only subpackages import it, so the build
 * copies it into each of them, never into the main package.
 * weapp uses Taro's media and file APIs; H5 (the local stack and the browser tests) a canvas and XMLHttpRequest.
 *
 * Every compressed photo is a fresh encoding, which leaves the original's EXIF behind (GPS position,
 * camera and phone model, time taken): that matters for anonymous letters.
 */

export type PhotoContentType = (typeof PHOTO_CONTENT_TYPES)[number];

/** Long side of the uploaded photo, JPEG quality (0–100); the thumbnail's width and quality. */
export const PHOTO_MAX_SIDE = 1280;
export const PHOTO_QUALITY = 60;
export const THUMB_WIDTH = 240;
export const THUMB_QUALITY = 50;

/** What the storage answers to a successful presigned POST. */
export const UPLOADED_STATUSES: readonly number[] = [200, 201, 204];

export function contentTypeOfPath(path: string): PhotoContentType {
  const lower = path.toLowerCase().split('?')[0];
  if (lower.endsWith('.png')) return 'image/png';
  if (lower.endsWith('.webp')) return 'image/webp';
  return 'image/jpeg';
}

/**
 * The weapp-only calls below test the platform inline, with the Taro call in the `else` of a plain (not async)
 * function: webpack then drops them (and chooseMedia's 60 KB of helpers) from the H5 build, which picks and sends
 * pictures through the DOM.
 */
export function fileSystem(): Taro.FileSystemManager | undefined {
  if (process.env.TARO_ENV === 'h5') return undefined;
  else {
    try {
      return Taro.getFileSystemManager();
    } catch {
      return undefined;
    }
  }
}

/** Bytes of a local file (weapp); undefined when it is gone. */
export function fileSize(path: string): Promise<number | undefined> {
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

/**
 * weapp: re-encode `src` with Taro.compressImage (wx.compressImage), shrinking its long side to `maxSide`.
 * compressImage decodes the picture and writes a new JPEG, which drops the original's EXIF (GPS, device).
 * Resolves undefined when WeChat could not do it.
 */
export function reencodeWeapp(
  src: string,
  quality: number,
  size: { width?: number; height?: number },
  maxSide: number,
): Promise<string | undefined> {
  const { width = 0, height = 0 } = size;
  const option: Taro.compressImage.Option = { src, quality };
  // Only shrink: compressedWidth/Height (base library 2.26+) would also enlarge a small picture.
  if (height > width && height > maxSide) option.compressedHeight = maxSide;
  else if (width >= height && width > maxSide) option.compressedWidth = maxSide;
  else if (!width && !height) option.compressedWidth = maxSide;
  if (process.env.TARO_ENV === 'h5') return Promise.resolve(undefined);
  else
    return Taro.compressImage(option).then(
      (res) => res.tempFilePath || undefined,
      () => undefined,
    );
}

/**
 * weapp: pick up to `count` pictures (camera or album). Cancel answers []. A refused 隐私保护指引 is said so
 * (with the way to read it) rather than passed off as an empty pick.
 */
export async function chooseImagesWeapp(count: number): Promise<Taro.chooseMedia.ChooseMedia[]> {
  // Build-time constant: the H5 bundle leaves chooseMedia's polyfill out.
  if (process.env.TARO_ENV === 'h5') return [];
  try {
    const res = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
    return res.tempFiles;
  } catch (err) {
    if (isPrivacyRefusal(err)) await explainPrivacyRefusal();
    return [];
  }
}

async function explainPrivacyRefusal(): Promise<void> {
  try {
    const { confirm } = await Taro.showModal({
      title: '无法选择照片',
      content: PHOTO_PRIVACY_REFUSED,
      confirmText: '查看指引',
      cancelText: '知道了',
    });
    if (confirm) await wechatPlatform().openPrivacyContract();
  } catch {
    // The modal or the guide could not open: the picker simply stays empty.
  }
}

/**
 * weapp: the picked picture re-encoded for upload (quality 60, long side ≤ 1280; quality 30 when that is
 * still over the upload limit). Undefined when compressImage failed: the caller decides whether the
 * original may go instead (it still carries its EXIF).
 */
export async function compressPickedWeapp(file: Taro.chooseMedia.ChooseMedia): Promise<{ path: string; size: number } | undefined> {
  const dims = { width: file.width, height: file.height };
  let path = await reencodeWeapp(file.tempFilePath, PHOTO_QUALITY, dims, PHOTO_MAX_SIDE);
  if (!path) return undefined;
  let size = (await fileSize(path)) ?? file.size;
  if (size > UPLOAD_LIMITS.photo) {
    const smaller = await reencodeWeapp(file.tempFilePath, 30, dims, PHOTO_MAX_SIDE);
    if (smaller) {
      path = smaller;
      size = (await fileSize(smaller)) ?? size;
    }
  }
  return { path, size };
}

/* ---------- H5 ---------- */

export function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('image decode failed'));
    img.src = url;
  });
}

/** H5: the picture drawn into a canvas and encoded as a new JPEG (no EXIF survives the canvas). */
export function drawScaled(img: HTMLImageElement, maxWidth: number, maxSide: number, quality: number): Promise<Blob | null> {
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

/* ---------- both ---------- */

export interface PresignedTarget {
  url: string;
  fields: Record<string, string>;
}

/**
 * POST the file as multipart/form-data with the presigned fields first and the file in `file`.
 * Resolves with the HTTP status; rejects when no answer came (offline, timeout).
 */
export function uploadToPresigned(
  target: PresignedTarget,
  path: string,
  contentType: string,
  onProgress: (percent: number) => void,
): Promise<number> {
  if (process.env.TARO_ENV === 'h5') return uploadH5(target, path, contentType, onProgress);
  else {
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
}

async function uploadH5(
  target: PresignedTarget,
  path: string,
  contentType: string,
  onProgress: (percent: number) => void,
): Promise<number> {
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

/** A message for a storage answer that is not a success. */
export function uploadRefusal(status: number): string {
  return status === 400 || status === 403 || status === 413
    ? '照片不符合要求（类型或大小），请换一张'
    : `照片上传失败（${status}），请重试`;
}
