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
