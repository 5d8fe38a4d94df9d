import type { BranchCalendar, Role } from '@chuangxing/shared';
import type { Principal } from '../../platform/kernel/principal';
import { daysOfMonth, shanghaiDay, shanghaiInstant } from '../../platform/kernel/shanghai-time';
import { readableBranch } from '../org/org.readers';
import type { ReportsPorts } from './reports.ports';

/**
 * A branch's month. A day is `upcoming` until its deadline passes, then `missing` unless a report or an
 * exemption covers it. Days before the branch existed are not held against it (shown as exempt).
 */
export async function getBranchCalendar(
  deps: ReportsPorts,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  month?: string,
): Promise<BranchCalendar> {
  const branch = await readableBranch(deps, principal, allowed, branchId);
  const now = deps.clock.now();
  const m = month ?? shanghaiDay(now).slice(0, 7);
  const days = daysOfMonth(m);
  const [reports, exemptions, rules] = await Promise.all([
    deps.reports.listRange(branchId, days[0], days[days.length - 1]),
    deps.rules.listExemptions(deps.districtId, m),
    deps.rules.getDailyRules(deps.districtId),
  ]);
  const byDay = new Map(reports.map((r) => [r.day, r]));
  const exempt = new Set(exemptions.filter((e) => !e.branchId || e.branchId === branchId).map((e) => e.day));
  const born = shanghaiDay(new Date(branch.createdAt));
  const out: BranchCalendar['days'] = days.map((day) => {
    const r = byDay.get(day);
    if (r) return { day, status: r.status, submittedAt: r.submittedAt };
    if (exempt.has(day) || day < born) return { day, status: 'exempt' };
    if (now.getTime() <= shanghaiInstant(day, rules.deadline).getTime()) return { day, status: 'upcoming' };
    return { day, status: 'missing' };
  });
  const count = (s: string) => out.filter((d) => d.status === s).length;
  return {
    branchId,
    month: m,
    days: out,
    counts: { onTime: count('on_time'), late: count('late'), missing: count('missing'), exempt: count('exempt') },
  };
}
