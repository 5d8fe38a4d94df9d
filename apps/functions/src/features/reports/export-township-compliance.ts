import { BRANCH_TYPE_LABELS, type ComplianceStatus, REPORT_LIMITS, REPORT_STATUS_LABELS, type Role } from '@chuangxing/shared';
import { forbiddenScope, invalid, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, coversTownship, type Principal } from '../../platform/kernel/principal';
import { addDays, daysBetween, monthOf, shanghaiDay } from '../../platform/kernel/shanghai-time';
import type { ExportedFile } from '../../platform/xlsx/exported-file';
import type { Cell, SheetSpec } from '../../platform/xlsx/spreadsheet';
import type { Branch } from '../org/org.readers';
import { complianceOf, type Submission } from './daily-report';
import type { ReportsPorts } from './reports.ports';
import type { StoredExemption } from './rules-repository';

/** A day before the branch existed: neither expected nor counted. */
type DayStatus = ComplianceStatus | 'not_yet';

export interface TownshipRangeCompliance {
  township: { id: string; name: string };
  days: string[];
  branches: { branch: Branch; statuses: DayStatus[] }[];
}

const READ_CONCURRENCY = 8;

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * The same per-day rule as computeTownshipCompliance (domain complianceOf), over a range, with each
 * thing read once: the branches (one query), the exemptions (one query per month) and the day markers
 * (one query per day). 92 days cost about 100 requests whatever the township's size.
 */
export async function computeTownshipRange(
  deps: ReportsPorts,
  townshipId: string,
  days: string[],
): Promise<Omit<TownshipRangeCompliance, 'township'>> {
  const months = [...new Set(days.map(monthOf))];
  const [branches, exemptionLists, submissionsByDay] = await Promise.all([
    deps.org.listBranches(townshipId),
    Promise.all(months.map((m) => deps.rules.listExemptions(deps.districtId, m))),
    mapLimited(days, READ_CONCURRENCY, (day) => deps.reports.submissionsOf(townshipId, day)),
  ]);
  const exemptions: StoredExemption[] = exemptionLists.flat();
  const rows = branches.map((branch) => ({ branch, statuses: [] as DayStatus[] }));
  days.forEach((day, i) => {
    const submissions: Submission[] = submissionsByDay[i];
    const { rows: dayRows } = complianceOf(
      branches,
      submissions,
      exemptions.filter((e) => e.day === day),
    );
    dayRows.forEach((r, b) => {
      const existed = shanghaiDay(new Date(branches[b].createdAt)) <= day;
      rows[b].statuses.push(existed || r.status === 'on_time' || r.status === 'late' ? r.status : 'not_yet');
    });
  });
  return { days, branches: rows };
}

function rangeDays(from: string, to: string): string[] {
  return Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));
}

const STATUS_TEXT: Record<DayStatus, string> = { ...REPORT_STATUS_LABELS, not_yet: '—' };

function tally(statuses: DayStatus[]) {
  const n = (s: DayStatus) => statuses.filter((x) => x === s).length;
  const onTime = n('on_time');
  const late = n('late');
  const missing = n('missing');
  const exempt = n('exempt');
  const expected = onTime + late + missing;
  return { onTime, late, missing, exempt, rate: expected === 0 ? undefined : (onTime + late) / expected };
}

/** Sheet 1 汇总 (one row per branch, then 合计) and sheet 2 明细 (branch × day). */
export function complianceSheets(data: TownshipRangeCompliance): SheetSpec[] {
  const summaryRows: Cell[][] = [['支部', '类型', '按时', '迟交', '未提交', '免报', '提交率']];
  for (const { branch, statuses } of data.branches) {
    const t = tally(statuses);
    summaryRows.push([
      branch.name,
      BRANCH_TYPE_LABELS[branch.type],
      t.onTime,
      t.late,
      t.missing,
      t.exempt,
      { value: t.rate, style: 'percent' },
    ]);
  }
  const all = tally(data.branches.flatMap((b) => b.statuses));
  summaryRows.push([
    { value: '合计', style: 'bold' },
    '',
    all.onTime,
    all.late,
    all.missing,
    all.exempt,
    { value: all.rate, style: 'percent' },
  ]);

  const detailRows: Cell[][] = [['支部', ...data.days]];
  for (const { branch, statuses } of data.branches) detailRows.push([branch.name, ...statuses.map((s) => STATUS_TEXT[s])]);
  detailRows.push([
    { value: '当日提交率', style: 'bold' },
    ...data.days.map((_, i) => ({ value: tally(data.branches.map((b) => b.statuses[i])).rate, style: 'percent' as const })),
  ]);

  const nameWidth = Math.min(40, Math.max(10, ...data.branches.map((b) => Array.from(b.branch.name).length * 2 + 2)));
  return [
    { name: '汇总', rows: summaryRows, columnWidths: [nameWidth, 8, 8, 8, 8, 8, 10] },
    { name: '明细', rows: detailRows, frozenColumns: 1, columnWidths: [nameWidth, ...data.days.map(() => 12)] },
  ];
}

/**
 * A township's daily-report compliance over a date range as an XLSX workbook. Whoever may read the
 * township's compliance may export it. The range is at most 92 days; days after today are left out.
 */
export async function exportTownshipCompliance(
  deps: ReportsPorts,
  principal: Principal,
  allowed: readonly Role[],
  townshipId: string,
  from: string,
  to: string,
): Promise<ExportedFile> {
  if (to < from) throw invalid('query.to', '结束日期不能早于开始日期', 'range_reversed');
  if (daysBetween(from, to) + 1 > REPORT_LIMITS.maxRangeDays)
    throw invalid('query.to', `日期范围不能超过 ${REPORT_LIMITS.maxRangeDays} 天`, 'range_too_long');
  const township = await deps.org.getTownship(deps.districtId, townshipId);
  if (!township) throw notFound('乡镇（街道）');
  if (!bindingsFor(principal, allowed).some((b) => coversTownship(b, deps.districtId, townshipId))) throw forbiddenScope();
  const today = shanghaiDay(deps.clock.now());
  if (from > today) throw invalid('query.from', '开始日期不能晚于今天', 'future_day');
  const last = to > today ? today : to;

  const range = await computeTownshipRange(deps, townshipId, rangeDays(from, last));
  return {
    filename: `${township.name}日报统计_${from}_${last}.xlsx`,
    contentType: deps.spreadsheets.contentType,
    bytes: deps.spreadsheets.write(complianceSheets({ township: { id: township.id, name: township.name }, ...range })),
  };
}
