import type { COUNT_KEYS, PHOTO_CONTENT_TYPES, Star } from '@chuangxing/shared';
import { REPORT_DRAFT_INDEX_KEY } from '../../../services/report-outbox';
import type { Clock, KeyValueStorage } from './ports';

export type CountKey = (typeof COUNT_KEYS)[number];
export type PhotoContentType = (typeof PHOTO_CONTENT_TYPES)[number];

export interface DraftItem {
  /** Local row id (React key); never sent. */
  id: string;
  /** Unset until the user picks one of the branch's stars. */
  star?: Star;
  /** A key task of that star in the catalogue (optional; cleared when the star changes). */
  taskId?: string;
  text: string;
}

/**
 * waiting: on the device, not uploaded yet · uploading · uploaded: has a server key ·
 * failed: see `retryable` · lost: the local file is gone (e.g. an H5 page reload) and must be added again.
 */
export type PhotoState = 'waiting' | 'uploading' | 'uploaded' | 'failed' | 'lost';

export interface DraftPhoto {
  id: string;
  /** The compressed photo on the device (a saved file in weapp, an object URL in H5). */
  localPath?: string;
  /** Its ~240 px thumbnail on the device, when one could be made. */
  thumbPath?: string;
  contentType: PhotoContentType;
  size?: number;
  thumbSize?: number;
  /** Server keys, once uploaded (or taken over from the filed report). */
  key?: string;
  thumbKey?: string;
  /** What the grid shows: the local thumbnail, or the server's short-lived URL for a filed photo. */
  previewUrl?: string;
  /** The full-size picture for previewImage (local file or server URL). */
  fullUrl?: string;
  state: PhotoState;
  /** 0–100 while uploading. */
  progress?: number;
  error?: string;
  /** A failure that is retried by itself when the network returns (as opposed to a refused file). */
  retryable?: boolean;
}

export interface ReportDraft {
  branchId: string;
  day: string;
  items: DraftItem[];
  counts: Partial<Record<CountKey, number>>;
  problems: string;
  tomorrowPlan: string;
  photos: DraftPhoto[];
  /** The server version this draft edits (absent: the day's first report). */
  baseVersion?: number;
  /**
   * The user tapped 提交 while photos were still on the device: the key is made at that tap and the
   * submission is queued as soon as every photo is uploaded.
   */
  submit?: { idempotencyKey: string; requestedAt: number };
  /** Bumped on every change. */
  revision: number;
  updatedAt: number;
}

/** One line of the index, so the app can find drafts (and pending submits) without knowing their days. */
export interface DraftIndexEntry {
  branchId: string;
  day: string;
  /** A 提交 is waiting for photo uploads. */
  submit: boolean;
  updatedAt: number;
}

export const DRAFT_INDEX_KEY = REPORT_DRAFT_INDEX_KEY;
export const draftStorageKey = (branchId: string, day: string) => `cx.report.draft.${branchId}.${day}`;

type Listener = () => void;

export interface DraftStoreOptions {
  storage: KeyValueStorage;
  clock: Clock;
  /** Typing saves at most this often (ms). */
  debounceMs?: number;
}

export interface DraftStore {
  /** The draft, from memory or storage; undefined when there is none. */
  get(branchId: string, day: string): ReportDraft | undefined;
  /** Replace the draft (revision and updatedAt are set here); saved after the debounce. */
  put(draft: Omit<ReportDraft, 'revision' | 'updatedAt'> & Partial<Pick<ReportDraft, 'revision' | 'updatedAt'>>): ReportDraft;
  /** Change the stored draft, if any; answers the new draft. */
  update(branchId: string, day: string, change: (draft: ReportDraft) => ReportDraft): ReportDraft | undefined;
  remove(branchId: string, day: string): void;
  /** Write every pending change now (page hide, before leaving). */
  flush(): void;
  list(): DraftIndexEntry[];
  /** Forget drafts of days before `firstDayToKeep` (YYYY-MM-DD); they can no longer be filed. */
  prune(firstDayToKeep: string): void;
  subscribe(branchId: string, day: string, listener: Listener): () => void;
  /** Any draft changed (for the sync service). */
  subscribeAll(listener: Listener): () => void;
}

const id = (branchId: string, day: string) => `${branchId}|${day}`;

function isDraft(value: unknown): value is ReportDraft {
  if (!value || typeof value !== 'object') return false;
  const d = value as Partial<ReportDraft>;
  return typeof d.branchId === 'string' && typeof d.day === 'string' && Array.isArray(d.items) && Array.isArray(d.photos);
}

/** A draft read back after a restart: nothing can still be uploading. */
function revive(draft: ReportDraft): ReportDraft {
  return {
    ...draft,
    photos: draft.photos.map((p) => (p.state === 'uploading' ? { ...p, state: 'waiting', progress: undefined } : p)),
  };
}

/**
 * Drafts of the daily report, one per branch and day, kept in device storage. Every change lands in
 * memory at once (pages re-render from it) and is written after a short debounce, so typing does not
 * hit storage on each key press.
 */
export function createDraftStore({ storage, clock, debounceMs = 400 }: DraftStoreOptions): DraftStore {
  const cache = new Map<string, ReportDraft | null>();
  const unsaved = new Set<string>();
  const listeners = new Map<string, Set<Listener>>();
  const allListeners = new Set<Listener>();
  let timer: unknown;

  const readIndex = (): DraftIndexEntry[] => {
    try {
      const raw = storage.get(DRAFT_INDEX_KEY);
      return Array.isArray(raw)
        ? (raw as DraftIndexEntry[]).filter((e) => e && typeof e.branchId === 'string' && typeof e.day === 'string')
        : [];
    } catch {
      return [];
    }
  };
  let index = readIndex();

  const writeIndex = () => {
    try {
      storage.set(DRAFT_INDEX_KEY, index);
    } catch {
      // Storage full: the drafts still live in memory for this run.
    }
  };

  const notify = (key: string) => {
    for (const l of listeners.get(key) ?? []) l();
    for (const l of allListeners) l();
  };

  const persist = () => {
    timer = undefined;
    if (!unsaved.size) return;
    for (const key of unsaved) {
      const [branchId, day] = key.split('|');
      const draft = cache.get(key);
      try {
        if (draft) storage.set(draftStorageKey(branchId, day), draft);
        else storage.remove(draftStorageKey(branchId, day));
      } catch {
        // Storage full or unavailable: keep it in memory; the next change tries again.
      }
    }
    unsaved.clear();
    writeIndex();
  };

  const schedule = () => {
    if (timer !== undefined) return;
    timer = clock.setTimeout(persist, debounceMs);
  };

  const indexOf = (draft: ReportDraft): DraftIndexEntry => ({
    branchId: draft.branchId,
    day: draft.day,
    submit: !!draft.submit,
    updatedAt: draft.updatedAt,
  });

  const store: DraftStore = {
    get(branchId, day) {
      const key = id(branchId, day);
      if (cache.has(key)) return cache.get(key) ?? undefined;
      let draft: ReportDraft | undefined;
      try {
        const raw = storage.get(draftStorageKey(branchId, day));
        draft = isDraft(raw) ? revive(raw) : undefined;
      } catch {
        draft = undefined;
      }
      cache.set(key, draft ?? null);
      return draft;
    },
    put(input) {
      const key = id(input.branchId, input.day);
      const previous = store.get(input.branchId, input.day);
      const draft: ReportDraft = { ...input, revision: (previous?.revision ?? input.revision ?? 0) + 1, updatedAt: clock.now() };
      cache.set(key, draft);
      index = [...index.filter((e) => id(e.branchId, e.day) !== key), indexOf(draft)];
      unsaved.add(key);
      schedule();
      notify(key);
      return draft;
    },
    update(branchId, day, change) {
      const current = store.get(branchId, day);
      if (!current) return undefined;
      return store.put(change(current));
    },
    remove(branchId, day) {
      const key = id(branchId, day);
      if (!store.get(branchId, day) && !index.some((e) => id(e.branchId, e.day) === key)) return;
      cache.set(key, null);
      index = index.filter((e) => id(e.branchId, e.day) !== key);
      unsaved.add(key);
      schedule();
      notify(key);
    },
    flush() {
      if (timer !== undefined) clock.clearTimeout(timer);
      persist();
    },
    list() {
      return index.slice();
    },
    prune(firstDayToKeep) {
      for (const e of index.slice()) if (e.day < firstDayToKeep) store.remove(e.branchId, e.day);
    },
    subscribe(branchId, day, listener) {
      const key = id(branchId, day);
      let set = listeners.get(key);
      if (!set) {
        set = new Set();
        listeners.set(key, set);
      }
      set.add(listener);
      return () => {
        set?.delete(listener);
      };
    },
    subscribeAll(listener) {
      allListeners.add(listener);
      return () => {
        allListeners.delete(listener);
      };
    },
  };
  return store;
}
