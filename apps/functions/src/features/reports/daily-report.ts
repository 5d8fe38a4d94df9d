import type { ComplianceCounts, ComplianceStatus, DailyRules, ReportContent, ReportStatus } from '@chuangxing/shared';
import { DomainError } from '../../platform/kernel/domain-error';
import { daysBetween, shanghaiDay, shanghaiInstant } from '../../platform/kernel/shanghai-time';

export interface DailyReport {
  branchId: string;
  townshipId: string;
  districtId: string;
  day: string;
  status: ReportStatus;
  content: ReportContent;
  version: number;
  submittedAt: string;
  submittedBy: string;
  updatedAt: string;
  updatedBy: string;
  lastIdempotencyKey: string;
}

/** The stored report minus its internal bookkeeping. */
export function presentReport(r: DailyReport) {
  const { lastIdempotencyKey: _key, districtId: _district, ...rest } = r;
  return rest;
}

export interface Revision {
  version: number;
  editedBy: string;
  editedByName: string;
  editedAt: string;
}

export interface Comment {
  id: string;
  authorId: string;
  authorName: string;
  authorRole: string;
  text: string;
  createdAt: string;
}

/** A day is open for filing from its own start until `maxBackfillDays` days later (Shanghai days). */
export function assertFileable(day: string, now: Date, rules: Pick<DailyRules, 'maxBackfillDays'>): void {
  const age = daysBetween(day, shanghaiDay(now));
  if (age < 0)
    throw new DomainError('VALIDATION_FAILED', '不能提前填报', [
      { path: 'params.day', code: 'future_day', message: '不能为未来的日期填报' },
    ]);
  if (age > rules.maxBackfillDays) {
    const allowed = rules.maxBackfillDays === 0 ? '只能填报当天' : `只能补报 ${rules.maxBackfillDays} 天内`;
    throw new DomainError('VALIDATION_FAILED', `已超过补报期限（${allowed}）`, [
      { path: 'params.day', code: 'too_old', message: `${allowed}的日报` },
    ]);
  }
}

/** The first submission decides: after the day's deadline (Shanghai time) it is late. Edits never change it. */
export function statusFor(day: string, firstSubmittedAt: Date, rules: Pick<DailyRules, 'deadline'>): ReportStatus {
  return firstSubmittedAt.getTime() > shanghaiInstant(day, rules.deadline).getTime() ? 'late' : 'on_time';
}

export interface BranchRef {
  id: string;
  name: string;
  type: 'rural' | 'community';
  townshipId: string;
}
export interface Submission {
  branchId: string;
  status: ReportStatus;
  submittedAt: string;
}
/** A branch's daily-report counters over a month or a quarter (kept with each first submission). */
export interface ReportCounters {
  submitted: number;
  onTime: number;
  late: number;
}

export interface ExemptionRef {
  day: string;
  /** undefined: the whole district (a holiday). */
  branchId?: string;
  reason: string;
}

export interface ComplianceRow {
  branchId: string;
  name: string;
  type: 'rural' | 'community';
  status: ComplianceStatus;
  submittedAt?: string;
  exemptReason?: string;
}

/** A filed report counts even on an exempt day; an exempt branch without one is neither expected nor missing. */
export function complianceOf(
  branches: BranchRef[],
  submissions: Submission[],
  exemptions: ExemptionRef[],
): { rows: ComplianceRow[]; counts: ComplianceCounts } {
  const byBranch = new Map(submissions.map((s) => [s.branchId, s]));
  const holiday = exemptions.find((e) => !e.branchId);
  const leave = new Map(exemptions.flatMap((e) => (e.branchId ? [[e.branchId, e] as const] : [])));
  const rows = branches.map((b): ComplianceRow => {
    const s = byBranch.get(b.id);
    if (s) return { branchId: b.id, name: b.name, type: b.type, status: s.status, submittedAt: s.submittedAt };
    const ex = holiday ?? leave.get(b.id);
    if (ex) return { branchId: b.id, name: b.name, type: b.type, status: 'exempt', exemptReason: ex.reason };
    return { branchId: b.id, name: b.name, type: b.type, status: 'missing' };
  });
  return { rows, counts: countsOf(rows.map((r) => r.status)) };
}

export function countsOf(statuses: ComplianceStatus[]): ComplianceCounts {
  const n = (s: ComplianceStatus) => statuses.filter((x) => x === s).length;
  const onTime = n('on_time');
  const late = n('late');
  const missing = n('missing');
  const exempt = n('exempt');
  const expected = onTime + late + missing;
  return { branches: statuses.length, expected, onTime, late, missing, exempt, rate: expected === 0 ? 1 : (onTime + late) / expected };
}

/** Adds township counts into district totals (the rate is recomputed, never averaged). */
export function sumCounts(all: ComplianceCounts[]): ComplianceCounts {
  const t = all.reduce(
    (a, c) => ({
      branches: a.branches + c.branches,
      expected: a.expected + c.expected,
      onTime: a.onTime + c.onTime,
      late: a.late + c.late,
      missing: a.missing + c.missing,
      exempt: a.exempt + c.exempt,
    }),
    { branches: 0, expected: 0, onTime: 0, late: 0, missing: 0, exempt: 0 },
  );
  return { ...t, rate: t.expected === 0 ? 1 : (t.onTime + t.late) / t.expected };
}
