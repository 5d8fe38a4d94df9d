import type { DailyReport } from '@chuangxing/shared';
import { useEffect, useState } from 'react';
import type { DraftIndexEntry } from '../offline/draft-store';
import type { QueuedSubmission } from '../offline/submission-queue';
import { reportSync } from './report-sync';

/**
 * What this device knows of a day before the server's pages do: 待发送 (queued, or a 提交 waiting for photos),
 * 发送中 (on the wire), or the report it has just sent (已提交 / 迟交).
 */
export type DeviceDay = { kind: 'pending' } | { kind: 'sending' } | { kind: 'sent'; report: DailyReport };

export const DEVICE_DAY_LABELS = { pending: '待发送', sending: '发送中' } as const;

/** The device state of each day of a branch: the newest submission of the day wins; a waiting 提交 is pending. */
export function deviceDaysOf(queue: readonly QueuedSubmission[], drafts: readonly DraftIndexEntry[], branchId: string) {
  const out: Record<string, DeviceDay> = {};
  const newest = new Map<string, QueuedSubmission>();
  for (const s of queue) {
    if (s.branchId !== branchId) continue;
    const seen = newest.get(s.day);
    if (!seen || s.createdAt > seen.createdAt) newest.set(s.day, s);
  }
  for (const [day, s] of newest) {
    if (s.state === 'pending') out[day] = { kind: 'pending' };
    else if (s.state === 'sending') out[day] = { kind: 'sending' };
    else if (s.state === 'sent' && s.result) out[day] = { kind: 'sent', report: s.result.report };
  }
  for (const d of drafts) if (d.branchId === branchId && d.submit) out[d.day] = { kind: 'pending' };
  return out;
}

/** The newer of the server's report and the one this device sent (by version). */
export function newerReport(server: DailyReport | undefined, device: DeviceDay | undefined): DailyReport | undefined {
  const sent = device?.kind === 'sent' ? device.report : undefined;
  if (!sent) return server;
  return !server || sent.version > server.version ? sent : server;
}

/**
 * The device days of a branch, live: re-computed on every change of the queue and the drafts (in memory, so a
 * send that completes shows at once), re-rendering only when they differ.
 */
export function useDeviceDays(branchId: string): Record<string, DeviceDay> {
  const sync = reportSync();
  const compute = () => deviceDaysOf(sync.queue.list(), sync.drafts.list(), branchId);
  const [state, setState] = useState(() => ({ days: compute(), key: '' }));
  useEffect(() => {
    const update = () => {
      const days = deviceDaysOf(sync.queue.list(), sync.drafts.list(), branchId);
      const key = JSON.stringify(days);
      setState((prev) => (prev.key === key ? prev : { days, key }));
    };
    update();
    const offQueue = sync.queue.subscribe(update);
    const offDrafts = sync.drafts.subscribeAll(update);
    return () => {
      offQueue();
      offDrafts();
    };
  }, [sync, branchId]);
  return state.days;
}

/** Runs `listener` each time a send of this branch ends as sent (the server's pages are then out of date). */
export function useOnSent(branchId: string, listener: (day: string) => void): void {
  const sync = reportSync();
  useEffect(
    () =>
      sync.queue.onSettled((s) => {
        if (s.branchId === branchId && s.state === 'sent') listener(s.day);
      }),
    [sync, branchId, listener],
  );
}
