import { STAR_APPLICATION_LIMITS, UPLOAD_LIMITS } from '@chuangxing/shared';
import { useRef, useState } from 'react';
import { isH5 } from '../../../config/runtime-config';
import { api } from '../../../services/api';
import { type PreparedPhoto, pickPhotosWeapp, reencodeFilesH5, uploadPreparedPhoto } from '../../../services/photo-prepare';

/** One evidence photo of an item: shown from `url`, counted once its `key` is stored. */
export interface EvidencePhoto {
  id: string;
  url: string;
  state: 'uploading' | 'uploaded' | 'failed';
  key?: string;
}

const MAX = STAR_APPLICATION_LIMITS.photosPerItem;
/** Re-encoded like every other photo (no EXIF, long side ≤ 1280); one that stays too big is left out. */
const LIMITS = { maxBytes: UPLOAD_LIMITS.photo, original: 'refuse' } as const;

async function upload(branchId: string, p: PreparedPhoto): Promise<string> {
  const res = await api.presignStarEvidence({ body: { branchId, contentType: p.contentType, size: p.size } });
  return uploadPreparedPhoto(res, p);
}

let seq = 0;
const nextId = () => {
  seq += 1;
  return `ev${seq}`;
};

/**
 * Up to 6 photos of one item, each uploaded under the branch (`star-evidence/`) as soon as it is picked. `keys()`
 * answers the stored keys, or undefined while one is still going up or failed.
 */
export function useEvidencePhotos(branchId: string, initial: { key: string; url: string }[] = []) {
  const [photos, setPhotos] = useState<EvidencePhoto[]>(() =>
    initial.map((p) => ({ id: nextId(), url: p.url, key: p.key, state: 'uploaded' })),
  );
  const ref = useRef(photos);
  ref.current = photos;
  const patch = (id: string, p: Partial<EvidencePhoto>) => setPhotos((list) => list.map((x) => (x.id === id ? { ...x, ...p } : x)));

  const addPrepared = (prepared: PreparedPhoto[]) => {
    const room = MAX - ref.current.length;
    const added = prepared
      .slice(0, Math.max(0, room))
      .map((p) => ({ p, photo: { id: nextId(), url: p.localPath, state: 'uploading' as const } }));
    ref.current = [...ref.current, ...added.map((a) => a.photo)];
    setPhotos((list) => [...list, ...added.map((a) => a.photo)]);
    for (const { p, photo } of added) {
      upload(branchId, p).then(
        (key) => patch(photo.id, { key, state: 'uploaded' }),
        () => patch(photo.id, { state: 'failed' }),
      );
    }
  };

  return {
    photos,
    max: MAX,
    async pick() {
      if (!isH5()) addPrepared((await pickPhotosWeapp(MAX - ref.current.length, LIMITS)).photos);
    },
    async addFiles(files: File[]) {
      addPrepared((await reencodeFilesH5(files, LIMITS)).photos);
    },
    remove(id: string) {
      ref.current = ref.current.filter((p) => p.id !== id);
      setPhotos((list) => list.filter((p) => p.id !== id));
    },
    keys(): string[] | undefined {
      const keys = ref.current.flatMap((p) => (p.state === 'uploaded' && p.key ? [p.key] : []));
      return keys.length === ref.current.length ? keys : undefined;
    },
  };
}

export type EvidencePhotos = ReturnType<typeof useEvidencePhotos>;
