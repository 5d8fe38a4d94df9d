import { LETTER_LIMITS } from '@chuangxing/shared';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { toFailure } from '../../../services/api-failure';
import { type PreparedLetterPhoto, releaseLetterPhoto, uploadLetterPhoto } from './letter-photo-files';

/** At most this many uploads at a time (3G: more only slows each one down). */
const UPLOAD_CONCURRENCY = 3;

export type LetterPhotoState = 'waiting' | 'uploading' | 'uploaded' | 'failed';

export interface LetterPhoto extends PreparedLetterPhoto {
  id: string;
  state: LetterPhotoState;
  /** 0–100 while uploading. */
  progress?: number;
  key?: string;
  /** The community the key is filed under: a key only counts for a letter to that community. */
  keyBranchId?: string;
  error?: string;
}

function createLimiter(max: number) {
  let active = 0;
  const queue: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= max) await new Promise<void>((resolve) => queue.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      queue.shift()?.();
    }
  };
}

let seq = 0;
const nextId = () => {
  seq += 1;
  return `lp${Date.now().toString(36)}${seq}`;
};

/**
 * The write page's photos. Each uploads as soon as the letter's community is known (the presign files it
 * under that community), at most 3 at a time; choosing another community uploads them again there.
 * `uploadAll` (寄出) waits for the uploads still running, retries failed ones, and answers the keys, or
 * undefined when a photo still could not go up.
 */
export function useLetterPhotos(branchId: string | undefined) {
  const store = useRef<LetterPhoto[]>([]);
  // The photos live in a ref (uploads read the latest list); a new list re-renders through this counter.
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const branchRef = useRef(branchId);
  branchRef.current = branchId;
  const running = useRef(new Map<string, { branchId: string; promise: Promise<string | undefined> }>());
  const [limit] = useState(() => createLimiter(UPLOAD_CONCURRENCY));

  const set = useCallback((next: LetterPhoto[]) => {
    store.current = next;
    bump();
  }, []);
  const patch = useCallback(
    (id: string, p: Partial<LetterPhoto>) => {
      if (store.current.some((x) => x.id === id)) set(store.current.map((x) => (x.id === id ? { ...x, ...p } : x)));
    },
    [set],
  );

  const upload = useCallback(
    (id: string, target: string): Promise<string | undefined> => {
      const photo = store.current.find((p) => p.id === id);
      if (!photo) return Promise.resolve(undefined);
      if (photo.state === 'uploaded' && photo.key && photo.keyBranchId === target) return Promise.resolve(photo.key);
      const run = running.current.get(id);
      if (run && run.branchId === target) return run.promise;
      // Another community's upload may still run: its answer is dropped (see `current`).
      const current = () => branchRef.current === target && store.current.some((p) => p.id === id);
      const promise: Promise<string | undefined> = limit(async () => {
        if (!current()) return undefined;
        patch(id, { state: 'uploading', progress: 0, error: undefined });
        try {
          const key = await uploadLetterPhoto(target, photo, (progress) => {
            if (current()) patch(id, { progress });
          });
          if (!current()) return undefined;
          patch(id, { state: 'uploaded', key, keyBranchId: target, progress: 100 });
          return key;
        } catch (err) {
          if (current()) patch(id, { state: 'failed', progress: undefined, error: toFailure(err).message });
          return undefined;
        }
      }).finally(() => {
        if (running.current.get(id)?.promise === promise) running.current.delete(id);
      });
      running.current.set(id, { branchId: target, promise });
      return promise;
    },
    [limit, patch],
  );

  const photos = store.current;
  // Upload what is not up yet for this community (again when photos are added); a failed photo waits for a tap (or 寄出).
  useEffect(() => {
    if (!branchId) return;
    for (const listed of photos) {
      // Its latest state, not this render's: a render begun before an upload failed must not send it again.
      const p = store.current.find((x) => x.id === listed.id);
      if (!p || p.state === 'failed' || (p.state === 'uploaded' && p.keyBranchId === branchId)) continue;
      void upload(p.id, branchId);
    }
  }, [branchId, photos, upload]);

  return {
    photos,
    remaining: LETTER_LIMITS.photos - photos.length,
    add(prepared: PreparedLetterPhoto[]) {
      const room = LETTER_LIMITS.photos - store.current.length;
      prepared.slice(room).forEach(releaseLetterPhoto);
      const added = prepared.slice(0, Math.max(0, room)).map((p): LetterPhoto => ({ ...p, id: nextId(), state: 'waiting' }));
      if (added.length) set([...store.current, ...added]);
    },
    remove(id: string) {
      const photo = store.current.find((p) => p.id === id);
      if (!photo) return;
      releaseLetterPhoto(photo);
      set(store.current.filter((p) => p.id !== id));
    },
    retry(id: string) {
      if (branchRef.current) void upload(id, branchRef.current);
    },
    /** 寄出: every photo's key for the letter's community, or undefined when one could not be uploaded. */
    async uploadAll(target: string): Promise<string[] | undefined> {
      const keys = await Promise.all(store.current.map((p) => upload(p.id, target)));
      return keys.every((k): k is string => typeof k === 'string') ? keys : undefined;
    },
    /** 再写一封: a new letter starts without photos. */
    reset() {
      store.current.forEach(releaseLetterPhoto);
      set([]);
    },
  };
}
