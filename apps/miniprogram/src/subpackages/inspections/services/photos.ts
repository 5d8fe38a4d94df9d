import { INSPECTION_LIMITS, UPLOAD_LIMITS } from '@chuangxing/shared';
import { useRef, useState } from 'react';
import { isH5 } from '../../../config/runtime-config';
import { api } from '../../../services/api';
import { toFailure } from '../../../services/api-failure';
import { type PreparedPhoto, pickPhotosWeapp, reencodeFilesH5, uploadPreparedPhoto } from '../../../services/photo-prepare';

/** One photo of a visit or of a fix: shown from `url` (local or presigned), counted once its `key` is stored. */
export interface InspectPhoto {
  id: string;
  url: string;
  state: 'uploading' | 'uploaded' | 'failed';
  key?: string;
  error?: string;
}

/** Re-encoded like every other photo (quality 60, long side ≤ 1280, no EXIF); a picture that cannot be, or stays too big, is left out. */
const LIMITS = { maxBytes: UPLOAD_LIMITS.photo, original: 'refuse' } as const;

async function upload(purpose: 'inspection' | 'fix', branchId: string, p: PreparedPhoto): Promise<string> {
  const res = await api.presignInspectionPhoto({ body: { purpose, branchId, contentType: p.contentType, size: p.size } });
  return uploadPreparedPhoto(res, p);
}

let seq = 0;
const nextId = () => {
  seq += 1;
  return `ip${seq}`;
};

/**
 * Up to 9 photos, each uploaded as soon as it is picked (under the branch: a visit's under `inspection/`, a fix's
 * under `inspection-fix/`). `keys()` answers the stored keys, or undefined while one is still going up or failed.
 */
export function useInspectPhotos(purpose: 'inspection' | 'fix', initial: { key: string; url: string }[] = []) {
  const [photos, setPhotos] = useState<InspectPhoto[]>(() =>
    initial.map((p) => ({ id: nextId(), url: p.url, key: p.key, state: 'uploaded' })),
  );
  const ref = useRef(photos);
  ref.current = photos;
  const patch = (id: string, p: Partial<InspectPhoto>) => setPhotos((list) => list.map((x) => (x.id === id ? { ...x, ...p } : x)));

  const addPrepared = (branchId: string, prepared: PreparedPhoto[]) => {
    const room = INSPECTION_LIMITS.photos - ref.current.length;
    const added = prepared
      .slice(0, Math.max(0, room))
      .map((p) => ({ p, photo: { id: nextId(), url: p.localPath, state: 'uploading' as const } }));
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
      if (!isH5()) addPrepared(branchId, (await pickPhotosWeapp(INSPECTION_LIMITS.photos - ref.current.length, LIMITS)).photos);
    },
    async addFiles(branchId: string, files: File[]) {
      addPrepared(branchId, (await reencodeFilesH5(files, LIMITS)).photos);
    },
    remove(id: string) {
      setPhotos((list) => list.filter((p) => p.id !== id));
    },
    clear() {
      setPhotos([]);
    },
    keys(): string[] | undefined {
      const keys = ref.current.flatMap((p) => (p.state === 'uploaded' && p.key ? [p.key] : []));
      return keys.length === ref.current.length ? keys : undefined;
    },
  };
}

export type InspectPhotos = ReturnType<typeof useInspectPhotos>;
