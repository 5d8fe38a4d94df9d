import type { DistrictDayCompliance, Role } from '@chuangxing/shared';
import { bindingsFor, type Principal, reachableTownships } from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { countsOf, sumCounts } from './daily-report';
import type { ReportsPorts } from './reports.ports';

/**
 * The district's day, township by township, from the rollups written with each report: one query for the
 * townships (their branch counts), one for the day's rollups, one for the day's exemptions. Only townships
 * with a branch on leave need one more query, to know whether that branch filed anyway.
 */
export async function getDistrictCompliance(
  deps: ReportsPorts,
  principal: Principal,
  allowed: readonly Role[],
  day = shanghaiDay(deps.clock.now()),
): Promise<DistrictDayCompliance> {
  const reach = reachableTownships(bindingsFor(principal, allowed), deps.districtId);
  const [townships, rollups, exemptions] = await Promise.all([
    deps.org.listTownships(deps.districtId),
    deps.reports.townshipRollups(deps.districtId, day),
    deps.rules.listExemptions(deps.districtId, day),
  ]);
  const holiday = exemptions.some((e) => e.day === day && !e.branchId);
  const visible = reach === 'all' ? townships : townships.filter((t) => reach.has(t.id));
  const rows = await Promise.all(
    visible.map(async (t) => {
      const r = rollups.find((x) => x.townshipId === t.id) ?? { onTime: 0, late: 0 };
      const branches = t.counts.rural + t.counts.community;
      const leaves = exemptions.flatMap((e) => (e.day === day && e.branchId && e.townshipId === t.id ? [e.branchId] : []));
      let exempt: number;
      if (holiday) exempt = branches - r.onTime - r.late;
      else if (leaves.length === 0) exempt = 0;
      else {
        const filed = new Set((await deps.reports.submissionsOf(t.id, day)).map((s) => s.branchId));
        exempt = leaves.filter((b) => !filed.has(b)).length;
      }
      const missing = Math.max(0, branches - r.onTime - r.late - exempt);
      const statuses = [
        ...Array<'on_time'>(r.onTime).fill('on_time'),
        ...Array<'late'>(r.late).fill('late'),
        ...Array<'exempt'>(exempt).fill('exempt'),
        ...Array<'missing'>(missing).fill('missing'),
      ];
      return { townshipId: t.id, name: t.name, isDemo: t.isDemo, counts: countsOf(statuses) };
    }),
  );
  return { day, townships: rows, totals: sumCounts(rows.map((r) => r.counts)) };
}
