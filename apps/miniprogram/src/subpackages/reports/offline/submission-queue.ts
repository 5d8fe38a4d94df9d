import type { DailyReport, SubmitReportBody } from '@chuangxing/shared';
import { failureOf, fieldErrorsOf } from '../../../services/api-failure';
import { REPORT_QUEUE_KEY } from '../../../services/report-outbox';
import type { Clock, KeyValueStorage } from './ports';

/**
 * pending: waiting to be sent (now or after its backoff) · sending: on the wire ·
 * sent: the server has it · conflict: 409, someone else filed or edited first (needs the user) ·
 * rejected: any other 4xx, e.g. a field error (needs the user; never retried by itself).
 */
export type SubmissionState = 'pending' | 'sending' | 'sent' | 'conflict' | 'rejected';

export interface SubmissionError {
  status?: number;
  code?: string;
  message: string;
  /** Field messages keyed by path below the body ("content.items.0.text", "params.day"). */
  fields?: Record<string, string>;
}

export interface QueuedSubmission {
  /** The idempotency key: made once when the user tapped 提交, reused by every retry. */
  id: string;
  branchId: string;
  day: string;
  body: SubmitReportBody;
  state: SubmissionState;
  /** Failed network attempts so far (drives the backoff). */
  attempts: number;
  /** Epoch ms before which a timer-driven retry will not send it. */
  nextAttemptAt?: number;
  createdAt: number;
  updatedAt: number;
  /** The draft revision it was made from, so the app can tell whether the draft changed since. */
  draftRevision?: number;
  lastError?: SubmissionError;
  result?: { report: DailyReport; replayed: boolean };
}

/** Sends one submission: resolves with the HTTP answer, rejects only when no answer came (offline). */
export type SendSubmission = (submission: QueuedSubmission) => Promise<{ status: number; body: unknown }>;

export interface SubmissionQueueOptions {
  storage: KeyValueStorage;
  clock: Clock;
  send: SendSubmission;
  /** First retry delay after a network failure (doubles each time). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long sent entries stay (for the status chip) before they are pruned. */
  keepSentMs?: number;
}

export interface EnqueueInput {
  branchId: string;
  day: string;
  body: SubmitReportBody;
  draftRevision?: number;
}

export interface SubmissionQueue {
  list(): QueuedSubmission[];
  /** The newest submission for a branch and day, in any state. */
  latest(branchId: string, day: string): QueuedSubmission | undefined;
  /**
   * Add a submission. Older unsent ones for the same branch and day are superseded (dropped);
   * one already on the wire finishes first, and this one is sent after it.
   */
  enqueue(input: EnqueueInput): QueuedSubmission;
  /**
   * Send everything that is due, one at a time. `force` ignores the backoff (the network just came
   * back, the app or page was shown). Concurrent calls share one run, so nothing is sent twice.
   */
  flush(options?: { force?: boolean }): Promise<void>;
  /** Put a rejected submission back (e.g. after logging in again), with the same key and body. */
  retry(id: string): void;
  /** Forget a submission (the user resolved a conflict, or the page took note of the result). */
  dismiss(id: string): void;
  subscribe(listener: () => void): () => void;
  /** Called once each time a submission ends as sent, conflict or rejected. */
  onSettled(listener: (submission: QueuedSubmission) => void): () => void;
  /** Stop the retry timer (tests, or a reset). */
  dispose(): void;
}

export const QUEUE_STORAGE_KEY = REPORT_QUEUE_KEY;
const OPEN: readonly SubmissionState[] = ['pending', 'sending'];

/** The backoff after `attempts` failed network attempts: base, 2×base, 4×base … up to max. */
export function backoffDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * The server is down or overloaded (503 UNAVAILABLE, sent with Retry-After: 5): the first retry waits at
 * least this long, whatever the backoff says.
 */
export const SERVER_UNAVAILABLE_WAIT_MS = 5_000;
/** What a submission waiting out a server problem tells the user: it is kept and goes out by itself. */
export const SERVER_BUSY_MESSAGE = '服务器暂时繁忙：已保存在本机，稍后自动重试';

/** Which HTTP answers end a submission, and how. Anything not listed (408, 429, 5xx: "try again later") is retried. */
function outcomeOf(status: number): 'sent' | 'conflict' | 'rejected' | 'retry' {
  if (status === 200 || status === 201) return 'sent';
  if (status === 409) return 'conflict';
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return 'rejected';
  return 'retry';
}

function errorOf(res: { status: number; body: unknown }): SubmissionError {
  const failure = failureOf(res);
  const fields = fieldErrorsOf(res.body);
  const error: SubmissionError = { status: res.status, code: failure.code, message: failure.message };
  if (res.status === 401) error.message = '登录已失效，请重新登录后再提交';
  if (Object.keys(fields).length) error.fields = fields;
  return error;
}

function isSubmission(value: unknown): value is QueuedSubmission {
  if (!value || typeof value !== 'object') return false;
  const s = value as Partial<QueuedSubmission>;
  return typeof s.id === 'string' && typeof s.branchId === 'string' && typeof s.day === 'string' && !!s.body && typeof s.state === 'string';
}

/**
 * The queue of unsent daily-report submissions, kept in device storage so it survives an app restart.
 * A submission that gets no answer is retried with exponential backoff (and at once when the network
 * returns); a 409 waits for the user; any other 4xx is shown and never retried by itself.
 */
export function createSubmissionQueue({
  storage,
  clock,
  send,
  baseDelayMs = 2_000,
  maxDelayMs = 5 * 60_000,
  keepSentMs = 2 * 24 * 3_600_000,
}: SubmissionQueueOptions): SubmissionQueue {
  const listeners = new Set<() => void>();
  const settledListeners = new Set<(s: QueuedSubmission) => void>();
  let timer: unknown;
  let running: Promise<void> | undefined;
  let runAgain = false;
  let disposed = false;

  const load = (): QueuedSubmission[] => {
    let raw: unknown;
    try {
      raw = storage.get(QUEUE_STORAGE_KEY);
    } catch {
      return [];
    }
    if (!Array.isArray(raw)) return [];
    const cutoff = clock.now() - keepSentMs;
    return (
      raw
        .filter(isSubmission)
        .filter((s) => s.state !== 'sent' || s.updatedAt >= cutoff)
        // Whatever was on the wire when the app died gets no answer now: send it again (same key).
        .map((s) => (s.state === 'sending' ? { ...s, state: 'pending' as const } : s))
    );
  };
  let entries = load();

  const save = () => {
    try {
      storage.set(QUEUE_STORAGE_KEY, entries);
    } catch {
      // Storage full: the queue still works in memory for this run.
    }
  };
  const changed = () => {
    save();
    for (const l of listeners) l();
  };
  const patch = (id: string, change: Partial<QueuedSubmission>) => {
    entries = entries.map((s) => (s.id === id ? { ...s, ...change, updatedAt: clock.now() } : s));
  };
  const find = (id: string) => entries.find((s) => s.id === id);
  const sameDay = (a: { branchId: string; day: string }, b: { branchId: string; day: string }) =>
    a.branchId === b.branchId && a.day === b.day;

  const scheduleRetry = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    if (disposed) return;
    const waits = entries.flatMap((s) => (s.state === 'pending' && s.nextAttemptAt !== undefined ? [s.nextAttemptAt] : []));
    if (!waits.length) return;
    const delay = Math.max(0, Math.min(...waits) - clock.now());
    timer = clock.setTimeout(() => {
      timer = undefined;
      void queue.flush();
    }, delay);
  };

  /** The next submission to send: the oldest due one that has no older open one for its day ahead of it. */
  const nextDue = (): QueuedSubmission | undefined => {
    const now = clock.now();
    const open = entries.filter((s) => OPEN.includes(s.state)).sort((a, b) => a.createdAt - b.createdAt);
    return open.find(
      (s) =>
        s.state === 'pending' &&
        (s.nextAttemptAt === undefined || s.nextAttemptAt <= now) &&
        !open.some((o) => o !== s && sameDay(o, s) && o.createdAt < s.createdAt),
    );
  };

  const settle = (id: string) => {
    const s = find(id);
    if (s) for (const l of settledListeners) l(s);
  };

  const sendOne = async (submission: QueuedSubmission) => {
    patch(submission.id, { state: 'sending' });
    changed();
    let res: { status: number; body: unknown };
    try {
      res = await send(find(submission.id) ?? submission);
    } catch {
      const attempts = submission.attempts + 1;
      const newer = entries.find(
        (o) => o.id !== submission.id && sameDay(o, submission) && o.state === 'pending' && o.createdAt > submission.createdAt,
      );
      if (newer) {
        // The user submitted again meanwhile: the newer content wins.
        entries = entries.filter((s) => s.id !== submission.id);
      } else {
        patch(submission.id, {
          state: 'pending',
          attempts,
          nextAttemptAt: clock.now() + backoffDelay(attempts, baseDelayMs, maxDelayMs),
          lastError: { message: '网络不可用，联网后自动发送' },
        });
      }
      changed();
      return;
    }
    const outcome = outcomeOf(res.status);
    if (outcome === 'sent') {
      const result = res.body as { report: DailyReport; replayed: boolean };
      patch(submission.id, { state: 'sent', result, lastError: undefined, nextAttemptAt: undefined });
      // A newer submission for the same day that was made against the same version now edits this one.
      entries = entries.map((o) =>
        o.id !== submission.id &&
        sameDay(o, submission) &&
        o.state === 'pending' &&
        o.body.expectedVersion === submission.body.expectedVersion
          ? { ...o, body: { ...o.body, expectedVersion: result.report.version } }
          : o,
      );
    } else if (outcome === 'retry') {
      const attempts = submission.attempts + 1;
      const error = errorOf(res);
      const wait = backoffDelay(attempts, baseDelayMs, maxDelayMs);
      patch(submission.id, {
        state: 'pending',
        attempts,
        nextAttemptAt: clock.now() + (error.code === 'UNAVAILABLE' ? Math.max(wait, SERVER_UNAVAILABLE_WAIT_MS) : wait),
        lastError: { ...error, message: SERVER_BUSY_MESSAGE },
      });
    } else {
      patch(submission.id, { state: outcome, lastError: errorOf(res), nextAttemptAt: undefined });
    }
    changed();
    if (outcome !== 'retry') settle(submission.id);
  };

  const drain = async () => {
    for (let next = nextDue(); next && !disposed; next = nextDue()) await sendOne(next);
  };

  const queue: SubmissionQueue = {
    list: () => entries.slice(),
    latest(branchId, day) {
      return entries.filter((s) => s.branchId === branchId && s.day === day).sort((a, b) => b.createdAt - a.createdAt)[0];
    },
    enqueue({ branchId, day, body, draftRevision }) {
      const now = clock.now();
      const existing = find(body.idempotencyKey);
      if (existing) return existing;
      // Unsent, refused or already-answered entries of this day are superseded; one on the wire finishes.
      entries = entries.filter((s) => !(sameDay(s, { branchId, day }) && s.state !== 'sending'));
      const createdAt = Math.max(now, ...entries.map((s) => s.createdAt + 1));
      const submission: QueuedSubmission = {
        id: body.idempotencyKey,
        branchId,
        day,
        body,
        state: 'pending',
        attempts: 0,
        createdAt,
        updatedAt: now,
        draftRevision,
      };
      entries = [...entries, submission];
      changed();
      return submission;
    },
    flush({ force = false } = {}) {
      if (disposed) return Promise.resolve();
      if (force) {
        const due = entries.some((s) => s.state === 'pending' && s.nextAttemptAt !== undefined);
        if (due) entries = entries.map((s) => (s.state === 'pending' ? { ...s, nextAttemptAt: undefined } : s));
      }
      if (running) {
        runAgain = true;
        return running;
      }
      const run = async () => {
        // Always yield once first, so `running` is set before the run can end.
        await Promise.resolve();
        try {
          do {
            runAgain = false;
            await drain();
          } while (runAgain && !disposed);
        } finally {
          // No await between the last runAgain check and here: a flush() arriving now starts a new run.
          running = undefined;
          scheduleRetry();
        }
      };
      running = run();
      return running;
    },
    retry(id) {
      const s = find(id);
      if (!s || (s.state !== 'rejected' && s.state !== 'conflict')) return;
      patch(id, { state: 'pending', attempts: 0, nextAttemptAt: undefined, lastError: undefined });
      changed();
    },
    dismiss(id) {
      if (!find(id) || find(id)?.state === 'sending') return;
      entries = entries.filter((s) => s.id !== id);
      changed();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    onSettled(listener) {
      settledListeners.add(listener);
      return () => {
        settledListeners.delete(listener);
      };
    },
    dispose() {
      disposed = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
    },
  };
  return queue;
}
