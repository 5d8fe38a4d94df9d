import type { Branch, DailyReport, DailyRules, Me } from '@chuangxing/shared';
import Taro from '@tarojs/taro';
import { api } from './api';

/**
 * What the report form (reports subpackage) needs to open without a network: the branch (for its star set), the
 * rules and the last report it saw per day. The form refreshes it on every load; home warms it for the branches a
 * cadre files for, so 填写今日日报 opens offline even when the form was never opened on this device. It lives in
 * the main package because home writes it without loading the subpackage's code.
 */
export interface ReportContext {
  branch: Pick<Branch, 'id' | 'name' | 'type' | 'townshipId'>;
  rules: DailyRules;
  /** Last seen report per day (two days at most). */
  reports: Record<string, DailyReport>;
  /** When branch and rules were last read from the server (epoch ms); absent in copies written before it existed. */
  savedAt?: number;
}

/** The part of a key-value storage these functions use (the reports subpackage's KeyValueStorage fits). */
export interface ContextStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** Taro's synchronous storage; missing keys read as ''. */
export const taroContextStorage: ContextStorage = {
  get: (key) => {
    const value = Taro.getStorageSync(key);
    return value === '' ? undefined : value;
  },
  set: (key, value) => Taro.setStorageSync(key, value),
};

/** Branches whose report the caller files (cadre or secretary bound at branch level, not revoked), in binding order. */
export function filerBranchIds(me: Me | undefined): string[] {
  const ids: string[] = [];
  for (const b of me?.bindings ?? []) {
    if (b.revokedAt) continue;
    if ((b.role === 'cadre' || b.role === 'secretary') && b.scope.level === 'branch' && !ids.includes(b.scope.branchId))
      ids.push(b.scope.branchId);
  }
  return ids;
}

const key = (branchId: string) => `cx.report.ctx.${branchId}`;

/** Home warms a context at most this often per branch: the rules rarely change, and home shows often. */
export const WARM_EVERY_MS = 6 * 3_600_000;

export function readContext(storage: ContextStorage, branchId: string): ReportContext | undefined {
  try {
    const raw = storage.get(key(branchId)) as ReportContext | undefined;
    return raw?.branch && raw.rules ? raw : undefined;
  } catch {
    return undefined;
  }
}

/** Stores branch and rules; with `seen`, also that day's report (or forgets it when `report` is undefined). */
export function writeContext(
  storage: ContextStorage,
  branch: Branch,
  rules: DailyRules,
  seen?: { day: string; report: DailyReport | undefined },
  now: number = Date.now(),
): void {
  const previous = readContext(storage, branch.id);
  const reports: Record<string, DailyReport> = { ...(previous?.reports ?? {}) };
  if (seen?.report) reports[seen.day] = seen.report;
  else if (seen) delete reports[seen.day];
  const days = Object.keys(reports).sort().slice(-2);
  const kept: Record<string, DailyReport> = {};
  for (const d of days) kept[d] = reports[d];
  try {
    storage.set(key(branch.id), {
      branch: { id: branch.id, name: branch.name, type: branch.type, townshipId: branch.townshipId },
      rules,
      reports: kept,
      savedAt: now,
    } satisfies ReportContext);
  } catch {
    // Storage full: the page simply needs the network next time.
  }
}

/**
 * Reads and stores the context of each branch whose copy is missing or older than WARM_EVERY_MS. Failures are
 * ignored: this only prepares for a later offline visit, and the form refreshes the copy itself when it loads.
 */
export async function warmReportContexts(
  branchIds: readonly string[],
  storage: ContextStorage = taroContextStorage,
  now: number = Date.now(),
): Promise<void> {
  const stale = branchIds.filter((id) => (readContext(storage, id)?.savedAt ?? 0) < now - WARM_EVERY_MS);
  if (!stale.length) return;
  try {
    const rules = await api.getDailyRules({});
    if (rules.status !== 200) return;
    await Promise.all(
      stale.map(async (branchId) => {
        const res = await api.getBranch({ params: { branchId } });
        if (res.status === 200) writeContext(storage, res.body.branch, rules.body, undefined, now);
      }),
    );
  } catch {
    // No network: nothing to prepare now.
  }
}
