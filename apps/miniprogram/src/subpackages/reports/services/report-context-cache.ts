import type { Branch, DailyReport, DailyRules } from '@chuangxing/shared';
import type { KeyValueStorage } from '../offline/ports';

/**
 * What the edit page needs to open without a network: the branch (for its star set), the rules and
 * the last report it saw per day. Refreshed on every successful load.
 */
export interface ReportContext {
  branch: Pick<Branch, 'id' | 'name' | 'type' | 'townshipId'>;
  rules: DailyRules;
  /** Last seen report per day (two days at most). */
  reports: Record<string, DailyReport>;
}

const key = (branchId: string) => `cx.report.ctx.${branchId}`;

export function readContext(storage: KeyValueStorage, branchId: string): ReportContext | undefined {
  try {
    const raw = storage.get(key(branchId)) as ReportContext | undefined;
    return raw?.branch && raw.rules ? raw : undefined;
  } catch {
    return undefined;
  }
}

export function writeContext(
  storage: KeyValueStorage,
  branch: Branch,
  rules: DailyRules,
  day: string,
  report: DailyReport | undefined,
): void {
  const previous = readContext(storage, branch.id);
  const reports: Record<string, DailyReport> = { ...(previous?.reports ?? {}) };
  if (report) reports[day] = report;
  else delete reports[day];
  const days = Object.keys(reports).sort().slice(-2);
  const kept: Record<string, DailyReport> = {};
  for (const d of days) kept[d] = reports[d];
  try {
    storage.set(key(branch.id), {
      branch: { id: branch.id, name: branch.name, type: branch.type, townshipId: branch.townshipId },
      rules,
      reports: kept,
    });
  } catch {
    // Storage full: the page simply needs the network next time.
  }
}
