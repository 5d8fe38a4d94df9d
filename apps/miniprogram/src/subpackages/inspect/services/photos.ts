import { useRef, useState } from 'react';
import { INSPECTION_LIMITS, UPLOAD_LIMITS } from '@chuangxing/shared';
import { isH5 } from '../../../config/runtime-config';
import { api } from '../../../services/api';
import { failureError, failureOf, toFailure } from '../../../services/api-failure';
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

/** One photo of a visit or of a fix: shown from `url` (local or presigned), counted once its `key` is stored. */
export interface InspectPhoto {
  id: string;
  url: string;
  state: 'uploading' | 'uploaded' | 'failed';
  key?: string;
  error?: string;
}

interface Prepared {
  path: string;
  size: number;
  contentType: PhotoContentType;
}

/** Re-encoded like every other photo (quality 60, long side ≤ 1280, no EXIF); a picture that cannot be is left out. */
async function prepareFiles(files: File[]): Promise<Prepared[]> {
  const out: Prepared[] = [];
  for (const file of files) {
    const source = URL.createObjectURL(file);
    try {
      const blob = await drawScaled(await loadImage(source), PHOTO_MAX_SIDE, PHOTO_MAX_SIDE, PHOTO_QUALITY);
      if (blob && blob.size <= UPLOAD_LIMITS.photo) out.push({ path: URL.createObjectURL(blob), size: blob.size, contentType: 'image/jpeg' });
    } catch {
      // not an image the browser can decode: skipped
    } finally {
      URL.revokeObjectURL(source);
    }
  }
  return out;
}

async function pickWeapp(count: number): Promise<Prepared[]> {
  const out: Prepared[] = [];
  for (const file of await chooseImagesWeapp(count)) {
    const c = await compressPickedWeapp(file);
    if (c && c.size <= UPLOAD_LIMITS.photo) out.push({ path: c.path, size: c.size, contentType: contentTypeOfPath(c.path) });
  }
  return out;
}

async function upload(purpose: 'inspection' | 'fix', branchId: string, p: Prepared): Promise<string> {
  const res = await api.presignInspectionPhoto({ body: { purpose, branchId, contentType: p.contentType, size: p.size } });
  if (res.status !== 200) throw failureError(failureOf(res));
  const status = await uploadToPresigned(res.body, p.path, p.contentType, () => undefined);
  if (!UPLOADED_STATUSES.includes(status)) throw failureError({ status, message: uploadRefusal(status) });
  return res.body.key;
}

let seq = 0;

/**
 * Up to 9 photos, each uploaded as soon as it is picked (under the branch: a visit's under `inspection/`, a fix's
 * under `inspection-fix/`). `keys()` answers the stored keys, or undefined while one is still going up or failed.
 */
export function useInspectPhotos(purpose: 'inspection' | 'fix', initial: { key: string; url: string }[] = []) {
  const [photos, setPhotos] = useState<InspectPhoto[]>(() => initial.map((p) => ({ id: `ip${(seq += 1)}`, url: p.url, key: p.key, state: 'uploaded' })));
  const ref = useRef(photos);
  ref.current = photos;
  const patch = (id: string, p: Partial<InspectPhoto>) => setPhotos((list) => list.map((x) => (x.id === id ? { ...x, ...p } : x)));

  const addPrepared = (branchId: string, prepared: Prepared[]) => {
    const room = INSPECTION_LIMITS.photos - ref.current.length;
    const added = prepared.slice(0, Math.max(0, room)).map((p) => ({ p, photo: { id: `ip${(seq += 1)}`, url: p.path, state: 'uploading' as const } }));
    setPhotos((list) => [...list, ...added.map((a) => a.photo)]);
    for (const { p, photo } of added) {
      upload(purpose, branchId, p).then(
        (key) => patch(photo.id, { key, state: 'uploaded' }),
        (err) => patch(photo.id, { state: 'failed', error: toFailure(err).message }),
      );
    }
  };

  return {
    photos,
    remaining: INSPECTION_LIMITS.photos - photos.length,
    async pick(branchId: string) {
      if (!isH5()) addPrepared(branchId, await pickWeapp(INSPECTION_LIMITS.photos - ref.current.length));
    },
    async addFiles(branchId: string, files: File[]) {
      addPrepared(branchId, await prepareFiles(files));
    },
    remove(id: string) {
      setPhotos((list) => list.filter((p) => p.id !== id));
    },
    clear() {
      setPhotos([]);
    },
    keys(): string[] | undefined {
      return ref.current.every((p) => p.state === 'uploaded' && p.key) ? ref.current.map((p) => p.key!) : undefined;
    },
  };
}

export type InspectPhotos = ReturnType<typeof useInspectPhotos>;
