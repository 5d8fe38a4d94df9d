import { type DailyReport, shanghaiInstant } from '@chuangxing/shared';
import { api } from './api';
import { readContext, taroContextStorage } from './report-context';
import type { DeviceDayState } from './report-outbox';

/** What home knows from the server about a branch's today: the report (null: none yet) and the deadline. */
export interface TodayFromServer {
  /** undefined: not known (no network); null: not filed. */
  report?: DailyReport | null;
  /** The rules' "HH:MM", from the device's copy of the report context. */
  deadline?: string;
}

export type TodayTone = 'due' | 'overdue' | 'filed' | 'pending';
export interface TodayStatus {
  text: string;
  tone: TodayTone;
}

/**
 * Home's line for today's report: the device's queue first (待发送 / 发送中), then the newer of the server's
 * report and the one this device last sent (已报 · 第 N 版), else 未报 with the deadline.
 */
export function todayStatusOf(day: string, server: TodayFromServer, device: DeviceDayState | undefined, now: number): TodayStatus {
  if (device?.kind === 'pending') return { text: '今日日报待发送 · 联网后自动发送', tone: 'pending' };
  if (device?.kind === 'sending') return { text: '今日日报发送中…', tone: 'pending' };
  const sent = device?.kind === 'sent' ? device.report : undefined;
  const known = server.report ?? undefined;
  const report = sent && (!known || sent.version > known.version) ? sent : known;
  if (report) return { text: `今日已报${report.status === 'late' ? '（迟交）' : ''} · 第 ${report.version} 版`, tone: 'filed' };
  const filedUnknown = server.report === undefined;
  if (!server.deadline) return { text: filedUnknown ? '今日日报' : '今日未报', tone: 'due' };
  if (now > shanghaiInstant(day, server.deadline).getTime())
    return { text: `${filedUnknown ? '今日日报' : '今日未报'} · 已过 ${server.deadline} 截止，现在提交记为迟交`, tone: 'overdue' };
  return { text: `${filedUnknown ? '今日日报' : '今日未报'} · ${server.deadline} 截止`, tone: 'due' };
}

/** Today's report of each branch (one GET each) and the deadline from the device's context copy. */
export async function loadToday(branchIds: readonly string[], day: string): Promise<Record<string, TodayFromServer>> {
  const out: Record<string, TodayFromServer> = {};
  await Promise.all(
    branchIds.map(async (branchId) => {
      const deadline = readContext(taroContextStorage, branchId)?.rules.deadline;
      let report: DailyReport | null | undefined;
      try {
        const res = await api.getReport({ params: { branchId, day } });
        if (res.status === 200) report = res.body.report;
        else if (res.status === 404) report = null;
      } catch {
        // No network: the filed state is unknown; the device's queue still shows.
      }
      out[branchId] = { report, deadline };
    }),
  );
  return out;
}
