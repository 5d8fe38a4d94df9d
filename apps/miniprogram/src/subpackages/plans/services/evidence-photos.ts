import { UPLOAD_LIMITS } from '@chuangxing/shared';
import { useReducer, useRef } from 'react';
import { isH5 } from '../../../config/runtime-config';
import { api } from '../../../services/api';
import { toFailure } from '../../../services/api-failure';
import { type PreparedPhoto, pickPhotosWeapp, reencodeFilesH5, releasePhoto, uploadPreparedPhoto } from '../../../services/photo-prepare';
import type { PhotoContentType } from '../../../services/photo-upload';

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

/** Re-encoded (quality 60, long side ≤ 1280); in weapp the original goes when compressImage could not; too big is left out. */
const LIMITS = { maxBytes: UPLOAD_LIMITS.photo, original: 'send' } as const;

/** presignEvidence (filed under the branch's plan of the year), then the multipart POST; answers the key. */
async function uploadEvidence(branchId: string, year: number, photo: PreparedPhoto, onProgress: (p: number) => void): Promise<string> {
  const res = await api.presignEvidence({ body: { branchId, year, contentType: photo.contentType, size: photo.size } });
  return uploadPreparedPhoto(res, photo, onProgress);
}

let seq = 0;
const nextId = () => {
  seq += 1;
  return `ev${Date.now().toString(36)}${seq}`;
};

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
  const add = (prepared: PreparedPhoto[]) => {
    const room = EVIDENCE_MAX - store.current.length;
    const added = prepared.slice(0, Math.max(0, room)).map((p): EvidencePhoto => ({ ...p, id: nextId(), state: 'uploading', progress: 0 }));
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
      if (!isH5()) add((await pickPhotosWeapp(EVIDENCE_MAX - store.current.length, LIMITS)).photos);
    },
    async addFiles(files: File[]) {
      add((await reencodeFilesH5(files, LIMITS)).photos);
    },
    retry(id: string) {
      const photo = store.current.find((p) => p.id === id);
      if (photo) void upload(photo);
    },
    remove(id: string) {
      const photo = store.current.find((p) => p.id === id);
      if (photo) releasePhoto(photo);
      set(store.current.filter((p) => p.id !== id));
    },
    keys: () => photos.flatMap((p) => (p.key ? [p.key] : [])),
    reset() {
      store.current.forEach(releasePhoto);
      set([]);
    },
  };
}
