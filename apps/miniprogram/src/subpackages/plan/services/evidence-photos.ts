import { useReducer, useRef } from 'react';
import { UPLOAD_LIMITS } from '@chuangxing/shared';
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

/** At most 9 evidence photos per update (the contract's limit). */
export const EVIDENCE_MAX = 9;

export interface EvidencePhoto {
  id: string;
  /** A temp file in weapp, an object URL in H5. */
  localPath: string;
  size: number;
  contentType: PhotoContentType;
  state: 'uploading' | 'uploaded' | 'failed';
  progress?: number;
  key?: string;
  error?: string;
}

type Prepared = Pick<EvidencePhoto, 'localPath' | 'size' | 'contentType'>;

/** weapp: pick and re-encode (quality 60, long side ≤ 1280) with the shared photo helpers. */
async function pickWeapp(count: number): Promise<Prepared[]> {
  const out: Prepared[] = [];
  for (const file of await chooseImagesWeapp(count)) {
    const compressed = await compressPickedWeapp(file);
    const path = compressed?.path ?? file.tempFilePath;
    const size = compressed?.size ?? file.size;
    if (size <= UPLOAD_LIMITS.photo) out.push({ localPath: path, size, contentType: contentTypeOfPath(path) });
  }
  return out;
}

/** H5: each file drawn into a canvas as a JPEG; a file the browser cannot decode is left out. */
async function prepareFiles(files: File[]): Promise<Prepared[]> {
  const out: Prepared[] = [];
  for (const file of files) {
    const source = URL.createObjectURL(file);
    try {
      const blob = await drawScaled(await loadImage(source), PHOTO_MAX_SIDE, PHOTO_MAX_SIDE, PHOTO_QUALITY);
      if (blob && blob.size <= UPLOAD_LIMITS.photo) out.push({ localPath: URL.createObjectURL(blob), size: blob.size, contentType: 'image/jpeg' });
    } catch {
      // not a picture the browser can read
    } finally {
      URL.revokeObjectURL(source);
    }
  }
  return out;
}

/** presignEvidence (filed under the branch's plan of the year), then the multipart POST; answers the key. */
async function uploadEvidence(branchId: string, year: number, photo: Prepared, onProgress: (p: number) => void): Promise<string> {
  const res = await api.presignEvidence({ body: { branchId, year, contentType: photo.contentType, size: photo.size } });
  if (res.status !== 200) throw failureError(failureOf(res));
  const status = await uploadToPresigned(res.body, photo.localPath, photo.contentType, onProgress);
  if (!UPLOADED_STATUSES.includes(status)) throw failureError({ status, message: uploadRefusal(status) });
  return res.body.key;
}

let seq = 0;

/**
 * The evidence photos of the update being written: each uploads as soon as it is added; a failed one
 * retries on a tap. `keys` answers the uploaded keys once none is still uploading or failed.
 */
export function useEvidencePhotos(branchId: string, year: number) {
  const store = useRef<EvidencePhoto[]>([]);
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const set = (next: EvidencePhoto[]) => {
    store.current = next;
    bump();
  };
  const patch = (id: string, p: Partial<EvidencePhoto>) => {
    if (store.current.some((x) => x.id === id)) set(store.current.map((x) => (x.id === id ? { ...x, ...p } : x)));
  };
  const upload = async (photo: EvidencePhoto) => {
    patch(photo.id, { state: 'uploading', progress: 0, error: undefined });
    try {
      const key = await uploadEvidence(branchId, year, photo, (progress) => patch(photo.id, { progress }));
      patch(photo.id, { state: 'uploaded', key, progress: 100 });
    } catch (err) {
      patch(photo.id, { state: 'failed', error: toFailure(err).message });
    }
  };
  const add = (prepared: Prepared[]) => {
    const room = EVIDENCE_MAX - store.current.length;
    const added = prepared.slice(0, Math.max(0, room)).map((p): EvidencePhoto => ({ ...p, id: `ev${Date.now().toString(36)}${(seq += 1)}`, state: 'uploading', progress: 0 }));
    if (!added.length) return;
    set([...store.current, ...added]);
    added.forEach((p) => void upload(p));
  };
  const photos = store.current;
  return {
    photos,
    busy: photos.some((p) => p.state === 'uploading'),
    failed: photos.some((p) => p.state === 'failed'),
    async pick() {
      if (!isH5()) add(await pickWeapp(EVIDENCE_MAX - store.current.length));
    },
    async addFiles(files: File[]) {
      add(await prepareFiles(files));
    },
    retry(id: string) {
      const photo = store.current.find((p) => p.id === id);
      if (photo) void upload(photo);
    },
    remove(id: string) {
      const photo = store.current.find((p) => p.id === id);
      if (photo?.localPath.startsWith('blob:')) URL.revokeObjectURL(photo.localPath);
      set(store.current.filter((p) => p.id !== id));
    },
    keys: () => photos.flatMap((p) => (p.key ? [p.key] : [])),
    reset() {
      store.current.forEach((p) => p.localPath.startsWith('blob:') && URL.revokeObjectURL(p.localPath));
      set([]);
    },
  };
}
