import type { DailyReport } from '@chuangxing/shared';
import Taro from '@tarojs/taro';

/**
 * Storage keys of the reports subpackage's offline draft index and send queue. They live here, in the
 * main package, so home can tell that a report is waiting without loading the subpackage's code.
 */
export const REPORT_QUEUE_KEY = 'cx.report.queue';
export const REPORT_DRAFT_INDEX_KEY = 'cx.report.drafts';

export interface PendingReport {
  branchId: string;
  day: string;
}

function read(key: string): unknown[] {
  try {
    const value = Taro.getStorageSync(key);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

/** Reports filed on this device that have not reached the server yet (read-only peek). */
export function pendingReports(): PendingReport[] {
  const out: PendingReport[] = [];
  const add = (branchId: unknown, day: unknown) => {
    if (typeof branchId !== 'string' || typeof day !== 'string') return;
    if (!out.some((p) => p.branchId === branchId && p.day === day)) out.push({ branchId, day });
  };
  for (const s of read(REPORT_QUEUE_KEY) as { branchId?: unknown; day?: unknown; state?: unknown }[]) {
    if (s && (s.state === 'pending' || s.state === 'sending')) add(s.branchId, s.day);
  }
  for (const d of read(REPORT_DRAFT_INDEX_KEY) as { branchId?: unknown; day?: unknown; submit?: unknown }[]) {
    if (d && d.submit === true) add(d.branchId, d.day);
  }
  return out;
}

/** What this device knows of one branch's day: waiting, on the wire, or the report it last sent. */
export type DeviceDayState = { kind: 'pending' } | { kind: 'sending' } | { kind: 'sent'; report: DailyReport };

/**
 * The device's state of a branch's day from the stored queue and draft index (the newest submission wins;
 * a 提交 waiting for photos counts as pending). Undefined when the device has nothing open or sent for it.
 */
export function deviceDayState(branchId: string, day: string): DeviceDayState | undefined {
  if (
    (read(REPORT_DRAFT_INDEX_KEY) as { branchId?: unknown; day?: unknown; submit?: unknown }[]).some(
      (d) => d && d.branchId === branchId && d.day === day && d.submit === true,
    )
  )
    return { kind: 'pending' };
  const mine = (
    read(REPORT_QUEUE_KEY) as {
      branchId?: unknown;
      day?: unknown;
      state?: unknown;
      createdAt?: unknown;
      result?: { report?: DailyReport };
    }[]
  )
    .filter((s) => s && s.branchId === branchId && s.day === day)
    .sort((a, b) => Number(b.createdAt ?? 0) - Number(a.createdAt ?? 0));
  const latest = mine[0];
  if (latest?.state === 'pending') return { kind: 'pending' };
  if (latest?.state === 'sending') return { kind: 'sending' };
  if (latest?.state === 'sent' && latest.result?.report) return { kind: 'sent', report: latest.result.report };
  return undefined;
}

/*
 * The reports subpackage calls outboxChanged() whenever its queue or drafts change (after saving them), so a
 * page of the main package that shows queue state (home) re-reads it without loading the subpackage's code.
 */
const outboxListeners = new Set<() => void>();
export function subscribeOutbox(listener: () => void): () => void {
  outboxListeners.add(listener);
  return () => {
    outboxListeners.delete(listener);
  };
}
/** A string that changes whenever anything home shows of the outbox changes (states, versions, waiting 提交). */
export function outboxSnapshot(): string {
  const queue = (read(REPORT_QUEUE_KEY) as { id?: unknown; state?: unknown; result?: { report?: { version?: unknown } } }[]).map((s) => [
    s?.id,
    s?.state,
    s?.result?.report?.version,
  ]);
  const drafts = (read(REPORT_DRAFT_INDEX_KEY) as { branchId?: unknown; day?: unknown; submit?: unknown }[]).map((d) => [
    d?.branchId,
    d?.day,
    d?.submit,
  ]);
  return JSON.stringify([queue, drafts]);
}
export function outboxChanged(): void {
  for (const l of outboxListeners) l();
}
