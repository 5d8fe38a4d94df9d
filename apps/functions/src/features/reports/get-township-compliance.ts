import type { Role, TownshipDayCompliance } from '@chuangxing/shared';
import { forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, coversTownship, type Principal } from '../../platform/kernel/principal';
import { shanghaiDay, shanghaiInstant } from '../../platform/kernel/shanghai-time';
import type { Township } from '../org/org.readers';
import { complianceOf } from './daily-report';
import type { ReportsPorts } from './reports.ports';

/**
 * One township's day, branch by branch. Reads: the township, its branches (one GSI query), the day's
 * markers (one query), the day's exemptions (one query) and the rules: O(branches), never a scan.
 * No authorization here: callers (routes, the reminder job) check it first.
 */
export async function computeTownshipCompliance(
  deps: ReportsPorts,
  townshipId: string,
  day: string,
  known?: Township,
): Promise<TownshipDayCompliance> {
  const [township, branches, submissions, exemptions, rules] = await Promise.all([
    known ?? deps.org.getTownship(deps.districtId, townshipId),
    deps.org.listBranches(townshipId),
    deps.reports.submissionsOf(townshipId, day),
    deps.rules.listExemptions(deps.districtId, day),
    deps.rules.getDailyRules(deps.districtId),
  ]);
  if (!township) throw notFound('乡镇（街道）');
  // A branch created after the day was not expected to report on it.
  const existing = branches.filter((b) => shanghaiDay(new Date(b.createdAt)) <= day);
  const { rows, counts } = complianceOf(
    existing,
    submissions,
    exemptions.filter((e) => e.day === day),
  );
  return {
    township: { id: township.id, name: township.name },
    day,
    deadline: rules.deadline,
    deadlinePassed: deps.clock.now().getTime() > shanghaiInstant(day, rules.deadline).getTime(),
    counts,
    branches: rows,
  };
}

export async function getTownshipCompliance(
  deps: ReportsPorts,
  principal: Principal,
  allowed: readonly Role[],
  townshipId: string,
  day = shanghaiDay(deps.clock.now()),
): Promise<TownshipDayCompliance> {
  const township = await deps.org.getTownship(deps.districtId, townshipId);
  if (!township) throw notFound('乡镇（街道）');
  if (!bindingsFor(principal, allowed).some((b) => coversTownship(b, deps.districtId, townshipId))) throw forbiddenScope();
  return computeTownshipCompliance(deps, townshipId, day, township);
}
