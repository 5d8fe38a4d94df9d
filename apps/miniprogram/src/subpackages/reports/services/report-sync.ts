import { UPLOAD_LIMITS } from '@chuangxing/shared';
import Taro from '@tarojs/taro';
import { isH5 } from '../../../config/runtime-config';
import { api } from '../../../services/api';
import { failureError, failureOf, toFailure } from '../../../services/api-failure';
import { UPLOADED_STATUSES, uploadRefusal } from '../../../services/photo-upload';
import { outboxChanged } from '../../../services/report-outbox';
import { createDraftStore, type DraftPhoto, type DraftStore, type ReportDraft } from '../offline/draft-store';
import { type Clock, newIdempotencyKey, newLocalId, systemClock } from '../offline/ports';
import {
  backoffDelay,
  createSubmissionQueue,
  type QueuedSubmission,
  SERVER_UNAVAILABLE_WAIT_MS,
  type SubmissionQueue,
} from '../offline/submission-queue';
import { taroStorage } from '../offline/taro-ports';
import { discardLocalFile, localFileExists, type PreparedPhoto, uploadToPresigned } from './photo-files';
import { contentOf, validateDraft } from './report-form';
import { addDays, shanghaiDay } from './shanghai-day';

/** At most this many photo uploads at a time (3G: more only slows each one down). */
const UPLOAD_CONCURRENCY = 3;
/** Drafts older than this many days cannot be filed any more (the backfill window is at most 7). */
const KEEP_DRAFT_DAYS = 8;

export type SubmitOutcome =
  | { kind: 'invalid'; errors: Record<string, string> }
  /** Photos are still uploading: the submission is queued by itself when they are done. */
  | { kind: 'waiting' }
  | { kind: 'queued'; submission: QueuedSubmission };

export interface ReportSync {
  drafts: DraftStore;
  queue: SubmissionQueue;
  /** Last known connectivity. */
  online(): boolean;
  subscribeOnline(listener: () => void): () => void;
  /** Install the network and app-show listeners (once) and resume whatever is waiting. */
  start(): void;
  /** Resume now: upload waiting photos, queue submissions whose photos are done, send the queue. */
  kick(): void;
  /** A change by the user: saved (debounced) and any pending 提交 that waited for photos is cancelled. */
  edit(draft: Omit<ReportDraft, 'revision' | 'updatedAt'>): ReportDraft;
  addPhotos(branchId: string, day: string, photos: PreparedPhoto[]): void;
  removePhoto(branchId: string, day: string, photoId: string): void;
  retryPhoto(branchId: string, day: string, photoId: string): void;
  /** 提交: validate, make the idempotency key once, and queue (or wait for photos, then queue). */
  submit(branchId: string, day: string): SubmitOutcome;
  /** Drop the draft (and its local photo files). */
  discardDraft(branchId: string, day: string): void;
  dispose(): void;
}

export interface ReportSyncDeps {
  drafts: DraftStore;
  queue: SubmissionQueue;
  clock: Clock;
  presignAndUpload: (
    branchId: string,
    day: string,
    photo: DraftPhoto,
    variant: 'photo' | 'thumb',
    onProgress: (p: number) => void,
  ) => Promise<string>;
  fileExists: (path: string | undefined) => Promise<boolean>;
  discardFile: (path: string | undefined) => void;
}

function isRetryable(err: unknown): boolean {
  const { status } = toFailure(err);
  return status === undefined || status >= 500 || status === 408 || status === 429;
}

/** Photo retries after the server answered "not now" (a network failure waits for the network instead). */
const PHOTO_RETRY_MAX_MS = 5 * 60_000;

/** The coordinator of drafts, photo uploads and the submission queue (one per app run). */
export function createReportSync(deps: ReportSyncDeps): ReportSync {
  const { drafts, queue, clock } = deps;
  const inFlight = new Set<string>();
  const waiting: (() => void)[] = [];
  let active = 0;
  let isOnline = true;
  const onlineListeners = new Set<() => void>();
  const cleanups: (() => void)[] = [];
  let started = false;
  /** Server refusals in a row (503 and the like), and the timer that tries the photos again. */
  let busyFailures = 0;
  let photoRetry: unknown;
  const retryPhotosLater = () => {
    if (photoRetry !== undefined) return;
    busyFailures++;
    const wait = backoffDelay(busyFailures, SERVER_UNAVAILABLE_WAIT_MS, PHOTO_RETRY_MAX_MS);
    photoRetry = clock.setTimeout(() => {
      photoRetry = undefined;
      for (const entry of drafts.list()) uploadMissing(entry.branchId, entry.day);
    }, wait);
  };
  cleanups.push(() => {
    if (photoRetry !== undefined) clock.clearTimeout(photoRetry);
    photoRetry = undefined;
  });

  const runLimited = (task: () => Promise<void>) => {
    const run = () => {
      active++;
      task().finally(() => {
        active--;
        waiting.shift()?.();
      });
    };
    if (active < UPLOAD_CONCURRENCY) run();
    else waiting.push(run);
  };

  const setPhoto = (branchId: string, day: string, photoId: string, change: Partial<DraftPhoto>) =>
    drafts.update(branchId, day, (d) => ({ ...d, photos: d.photos.map((p) => (p.id === photoId ? { ...p, ...change } : p)) }));

  const finishSubmit = (draft: ReportDraft): QueuedSubmission => {
    const key = draft.submit?.idempotencyKey ?? newIdempotencyKey(clock.now());
    const cleared = drafts.put({ ...draft, submit: undefined });
    const body = {
      content: contentOf(cleared),
      idempotencyKey: key,
      ...(cleared.baseVersion ? { expectedVersion: cleared.baseVersion } : {}),
    };
    const submission = queue.enqueue({ branchId: draft.branchId, day: draft.day, body, draftRevision: cleared.revision });
    drafts.flush();
    void queue.flush({ force: true });
    return submission;
  };

  /** After each photo settles: a 提交 that waited for photos goes out, or is cancelled if one was refused. */
  const afterPhoto = (branchId: string, day: string) => {
    const draft = drafts.get(branchId, day);
    if (!draft?.submit) return;
    if (draft.photos.some((p) => p.state === 'lost' || (p.state === 'failed' && !p.retryable))) {
      drafts.put({ ...draft, submit: undefined });
      return;
    }
    if (draft.photos.every((p) => p.state === 'uploaded')) finishSubmit(draft);
  };

  const uploadPhoto = async (branchId: string, day: string, photoId: string) => {
    const photo = drafts.get(branchId, day)?.photos.find((p) => p.id === photoId);
    if (!photo || photo.key) return;
    setPhoto(branchId, day, photoId, { state: 'uploading', progress: 0, error: undefined, retryable: undefined });
    try {
      if (!(await deps.fileExists(photo.localPath))) {
        setPhoto(branchId, day, photoId, { state: 'lost', progress: undefined, error: '照片已失效，请删除后重新添加' });
        return;
      }
      if (photo.size !== undefined && photo.size > UPLOAD_LIMITS.photo) {
        throw failureError({ status: 413, message: '照片太大（超过 2 MB），请换一张' });
      }
      const withThumb = !!photo.thumbPath && !!photo.thumbSize && photo.thumbSize <= UPLOAD_LIMITS.thumb;
      const key = await deps.presignAndUpload(branchId, day, photo, 'photo', (p) =>
        setPhoto(branchId, day, photoId, { progress: Math.round(p * (withThumb ? 0.85 : 1)) }),
      );
      let thumbKey: string | undefined;
      if (withThumb) {
        try {
          thumbKey = await deps.presignAndUpload(branchId, day, photo, 'thumb', (p) =>
            setPhoto(branchId, day, photoId, { progress: 85 + Math.round(p * 0.15) }),
          );
        } catch (err) {
          // The thumbnail is optional; only a lost connection stops the photo.
          if (isRetryable(err)) throw err;
        }
      }
      setPhoto(branchId, day, photoId, { state: 'uploaded', key, thumbKey, progress: 100, error: undefined, retryable: undefined });
      busyFailures = 0;
    } catch (err) {
      const retryable = isRetryable(err);
      const failure = toFailure(err);
      // The server answered "try again later" (503, 429…): it is not the network, so try again on a timer.
      const serverBusy = retryable && failure.status !== undefined;
      if (serverBusy) retryPhotosLater();
      setPhoto(branchId, day, photoId, {
        state: 'failed',
        progress: undefined,
        retryable,
        error: serverBusy ? '服务器暂时繁忙，稍后自动上传' : retryable ? '网络不畅，联网后自动上传' : failure.message,
      });
    } finally {
      afterPhoto(branchId, day);
    }
  };

  const uploadMissing = (branchId: string, day: string, options: { includeFailed?: boolean } = {}) => {
    const draft = drafts.get(branchId, day);
    if (!draft) return;
    for (const p of draft.photos) {
      const due = p.state === 'waiting' || (p.state === 'failed' && (p.retryable || options.includeFailed));
      const id = `${branchId}|${day}|${p.id}`;
      if (!due || p.key || inFlight.has(id)) continue;
      inFlight.add(id);
      runLimited(() => uploadPhoto(branchId, day, p.id).finally(() => inFlight.delete(id)));
    }
    afterPhoto(branchId, day);
  };

  const discardFiles = (photos: DraftPhoto[]) => {
    for (const p of photos) {
      deps.discardFile(p.localPath);
      deps.discardFile(p.thumbPath);
    }
  };

  // A sent submission ends its draft, unless the user changed the draft since (then it edits the new version).
  cleanups.push(
    queue.onSettled((s) => {
      if (s.state !== 'sent' || !s.result) return;
      const draft = drafts.get(s.branchId, s.day);
      if (!draft) return;
      if (draft.revision === s.draftRevision) {
        drafts.remove(s.branchId, s.day);
        drafts.flush();
        discardFiles(draft.photos);
      } else if (draft.baseVersion === s.body.expectedVersion) {
        drafts.put({ ...draft, baseVersion: s.result.report.version });
      }
    }),
  );

  const setOnline = (value: boolean) => {
    if (value === isOnline) return;
    isOnline = value;
    for (const l of onlineListeners) l();
  };

  const sync: ReportSync = {
    drafts,
    queue,
    online: () => isOnline,
    subscribeOnline(listener) {
      onlineListeners.add(listener);
      return () => {
        onlineListeners.delete(listener);
      };
    },
    start() {
      if (started) return;
      started = true;
      drafts.prune(addDays(shanghaiDay(clock.now()), -KEEP_DRAFT_DAYS));
      const onNetwork = (res: { isConnected: boolean }) => {
        setOnline(res.isConnected);
        if (res.isConnected) sync.kick();
      };
      const onShow = () => sync.kick();
      try {
        Taro.onNetworkStatusChange(onNetwork);
        cleanups.push(() => Taro.offNetworkStatusChange?.(onNetwork));
        Taro.onAppShow(onShow);
        cleanups.push(() => Taro.offAppShow?.(onShow));
      } catch {
        // Not available on this platform: page show still resumes.
      }
      if (isH5() && typeof window !== 'undefined') {
        // Browsers report connectivity through online/offline rather than navigator.connection.
        const up = () => onNetwork({ isConnected: true });
        const down = () => setOnline(false);
        window.addEventListener('online', up);
        window.addEventListener('offline', down);
        cleanups.push(() => {
          window.removeEventListener('online', up);
          window.removeEventListener('offline', down);
        });
        setOnline(typeof navigator === 'undefined' || navigator.onLine !== false);
      } else {
        Taro.getNetworkType()
          .then((res) => setOnline(res.networkType !== 'none'))
          .catch(() => undefined);
      }
      sync.kick();
    },
    kick() {
      for (const entry of drafts.list()) uploadMissing(entry.branchId, entry.day);
      void queue.flush({ force: true });
    },
    edit(draft) {
      return drafts.put({ ...draft, submit: undefined });
    },
    addPhotos(branchId, day, photos) {
      const draft = drafts.get(branchId, day);
      if (!draft) return;
      const added: DraftPhoto[] = photos.map((p) => ({
        id: newLocalId(),
        localPath: p.localPath,
        thumbPath: p.thumbPath,
        size: p.size,
        thumbSize: p.thumbSize,
        contentType: p.contentType,
        previewUrl: p.thumbPath ?? p.localPath,
        fullUrl: p.localPath,
        state: 'waiting',
      }));
      sync.edit({ ...draft, photos: [...draft.photos, ...added] });
      uploadMissing(branchId, day);
    },
    removePhoto(branchId, day, photoId) {
      const draft = drafts.get(branchId, day);
      const photo = draft?.photos.find((p) => p.id === photoId);
      if (!draft || !photo) return;
      sync.edit({ ...draft, photos: draft.photos.filter((p) => p.id !== photoId) });
      if (!photo.key) discardFiles([photo]);
    },
    retryPhoto(branchId, day, photoId) {
      setPhoto(branchId, day, photoId, { state: 'waiting', error: undefined, retryable: undefined });
      uploadMissing(branchId, day, { includeFailed: true });
    },
    submit(branchId, day) {
      const draft = drafts.get(branchId, day);
      if (!draft) return { kind: 'invalid', errors: { items: '请先填写日报内容' } };
      const errors = validateDraft(draft);
      if (draft.photos.some((p) => p.state === 'lost')) errors.photos = '有照片已失效，请删除后重新添加';
      else if (draft.photos.some((p) => p.state === 'failed' && !p.retryable)) errors.photos = '有照片上传失败，请重试或删除后再提交';
      if (Object.keys(errors).length) return { kind: 'invalid', errors };
      if (draft.photos.every((p) => p.state === 'uploaded')) return { kind: 'queued', submission: finishSubmit(draft) };
      // The key is made now, at the tap; the submission goes into the queue once the photos are up.
      const key = draft.submit?.idempotencyKey ?? newIdempotencyKey(clock.now());
      drafts.put({ ...draft, submit: { idempotencyKey: key, requestedAt: clock.now() } });
      drafts.flush();
      uploadMissing(branchId, day);
      if (drafts.get(branchId, day)?.submit) return { kind: 'waiting' };
      // The last photo went up meanwhile and queued the submission.
      const submission = queue.latest(branchId, day);
      return submission ? { kind: 'queued', submission } : { kind: 'waiting' };
    },
    discardDraft(branchId, day) {
      const draft = drafts.get(branchId, day);
      if (!draft) return;
      drafts.remove(branchId, day);
      drafts.flush();
      discardFiles(draft.photos.filter((p) => !p.key));
    },
    dispose() {
      for (const c of cleanups.splice(0)) c();
      queue.dispose();
      drafts.flush();
    },
  };
  return sync;
}

/** Presign one variant and POST the file to the storage it names; answers the object key. */
async function presignAndUpload(
  branchId: string,
  day: string,
  photo: DraftPhoto,
  variant: 'photo' | 'thumb',
  onProgress: (p: number) => void,
): Promise<string> {
  const path = variant === 'photo' ? photo.localPath : photo.thumbPath;
  const size = variant === 'photo' ? photo.size : photo.thumbSize;
  if (!path || !size) throw failureError({ status: 400, message: '照片文件无效，请删除后重新添加' });
  const contentType = variant === 'photo' ? photo.contentType : 'image/jpeg';
  const res = await api.presignPhoto({ body: { branchId, day, variant, contentType, size } });
  if (res.status !== 200) throw failureError(failureOf(res));
  const status = await uploadToPresigned(res.body, path, contentType, onProgress);
  if (!UPLOADED_STATUSES.includes(status)) throw failureError({ status, message: uploadRefusal(status) });
  return res.body.key;
}

let instance: ReportSync | undefined;

/** The app's one ReportSync, over Taro storage, the real clock and the typed API client. */
export function reportSync(): ReportSync {
  if (!instance) {
    const clock = systemClock;
    instance = createReportSync({
      drafts: createDraftStore({ storage: taroStorage, clock }),
      queue: createSubmissionQueue({
        storage: taroStorage,
        clock,
        send: (s) => api.submitReport({ params: { branchId: s.branchId, day: s.day }, body: s.body }),
      }),
      clock,
      presignAndUpload,
      fileExists: localFileExists,
      discardFile: discardLocalFile,
    });
    // Pages of the main package (home) re-read the stored queue after each change (it saves before it notifies).
    instance.queue.subscribe(outboxChanged);
  }
  return instance;
}

/** Tests: forget the instance (timers and listeners included) so the next test starts fresh. */
export function resetReportSync(): void {
  instance?.dispose();
  instance = undefined;
}
