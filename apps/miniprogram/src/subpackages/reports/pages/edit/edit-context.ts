import type { Branch, DailyRules, Me, ReportDetail } from '@chuangxing/shared';
import { api } from '../../../../services/api';
import { expectStatus, failureError, failureOf, toFailure } from '../../../../services/api-failure';
import { readContext, writeContext } from '../../../../services/report-context';
import { taroStorage } from '../../offline/taro-ports';
import { canFile } from '../../services/report-access';
import { addDays, daysBetween } from '../../services/shanghai-day';

type BranchInfo = Pick<Branch, 'id' | 'name' | 'type' | 'townshipId'>;

export interface EditContext {
  branch: BranchInfo;
  rules: DailyRules;
  /** The filed report of the day, if any (from the server, or the last one seen when offline). */
  detail?: Pick<ReportDetail, 'report' | 'photoUrls' | 'revisions'>;
  /** Opened from the device's copy because the network is down. */
  offline: boolean;
  /** The day before's 明日计划, offered as this day's starting point. */
  previousPlan?: string;
}

/** The day before's report, or undefined (none, refused, or no network: it is only a suggestion). */
async function previousReport(branchId: string, day: string) {
  try {
    const res = await api.getReport({ params: { branchId, day: addDays(day, -1) } });
    return res.status === 200 ? res.body.report : undefined;
  } catch {
    return undefined;
  }
}

/** The branch, the rules and the day's report; without a network, the device's last copy. */
export async function loadContext(branchId: string, day: string): Promise<EditContext> {
  try {
    const [branchRes, rulesRes, reportRes, previous] = await Promise.all([
      api.getBranch({ params: { branchId } }),
      api.getDailyRules({}),
      api.getReport({ params: { branchId, day } }),
      previousReport(branchId, day),
    ]);
    const { branch } = expectStatus(branchRes, 200);
    const rules = expectStatus(rulesRes, 200);
    let detail: ReportDetail | undefined;
    if (reportRes.status === 200) detail = reportRes.body;
    else if (reportRes.status !== 404) throw failureError(failureOf(reportRes));
    // The day before too, so its 明日计划 is still offered offline.
    if (previous) writeContext(taroStorage, branch, rules, { day: previous.day, report: previous });
    writeContext(taroStorage, branch, rules, { day, report: detail?.report });
    return { branch, rules, detail, offline: false, previousPlan: previous?.content.tomorrowPlan || undefined };
  } catch (err) {
    // No network: open from the device's copy, so a cadre can still fill in and queue the report.
    const cached = toFailure(err).status === undefined ? readContext(taroStorage, branchId) : undefined;
    if (!cached) throw err;
    const report = cached.reports[day];
    return {
      branch: cached.branch,
      rules: cached.rules,
      detail: report ? { report, photoUrls: [], revisions: [] } : undefined,
      offline: true,
      previousPlan: cached.reports[addDays(day, -1)]?.content.tomorrowPlan || undefined,
    };
  }
}

/** Why this caller may not fill in this day's report, if they may not. */
export function blockOf(me: Me | undefined, ctx: EditContext, day: string, today: string): { title: string; text: string } | undefined {
  if (!canFile(me, ctx.branch.id)) return { title: '不能填写', text: '只有本支部的村（社区）干部和支部书记可以填写日报。' };
  const age = daysBetween(day, today);
  if (age < 0) return { title: '不能提前填写', text: '只能填写今天及之前的日报。' };
  if (age > ctx.rules.maxBackfillDays) {
    const window = ctx.rules.maxBackfillDays === 0 ? '只能填写当天的日报' : `只能补报 ${ctx.rules.maxBackfillDays} 天内的日报`;
    return { title: '已超过补报期限', text: `${window}，这一天的日报不能再填写或修改。` };
  }
  return undefined;
}
