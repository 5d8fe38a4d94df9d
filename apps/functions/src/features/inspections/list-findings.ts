import type { BranchFindings, FindingFilter, FindingRow, Role, TownshipFindings } from '@chuangxing/shared';
import { forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, coversTownship, type Principal } from '../../platform/kernel/principal';
import { starCounts } from './inspection';
import { byUrgency, findingRow, today } from './inspection-presenters';
import { findingsBranch } from './inspection-scope';
import type { InspectionsPorts } from './inspections.ports';

/** A branch's 问题清单, most urgent first, with open and overdue counts per star of its set. */
export async function listBranchFindings(
  deps: InspectionsPorts,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
): Promise<BranchFindings> {
  const branch = await findingsBranch(deps, principal, allowed, branchId);
  const day = today(deps);
  const stored = await deps.inspections.listBranchFindings(branch.townshipId, branch.id);
  return {
    branchId: branch.id,
    branchName: branch.name,
    findings: stored.map((f) => findingRow(f, day)).sort(byUrgency),
    stars: starCounts(branch.type, stored, day),
  };
}

/** A township's 问题清单 (open, overdue, closed or all), with per-star counts of each branch that has findings. */
export async function listTownshipFindings(
  deps: InspectionsPorts,
  principal: Principal,
  allowed: readonly Role[],
  townshipId: string,
  filter: FindingFilter,
): Promise<TownshipFindings> {
  if (!bindingsFor(principal, allowed).some((b) => coversTownship(b, deps.districtId, townshipId))) throw forbiddenScope();
  if (!(await deps.org.getTownship(deps.districtId, townshipId))) throw notFound('乡镇（街道）');
  const day = today(deps);
  const [stored, branches] = await Promise.all([deps.inspections.listTownshipFindings(townshipId), deps.org.listBranches(townshipId)]);
  const rows = stored.map((f) => findingRow(f, day));
  const keep = (r: FindingRow) =>
    filter === 'all' || (filter === 'closed' ? r.status === 'closed' : filter === 'overdue' ? r.overdue : r.status !== 'closed');
  const types = new Map(branches.map((b) => [b.id, b]));
  const withFindings = [...new Set(stored.map((f) => f.branchId))];
  return {
    townshipId,
    filter,
    findings: rows.filter(keep).sort(byUrgency),
    branches: withFindings
      .map((id) => {
        const mine = stored.filter((f) => f.branchId === id);
        return {
          branchId: id,
          branchName: types.get(id)?.name ?? mine[0].branchName,
          stars: starCounts(types.get(id)?.type ?? 'community', mine, day),
        };
      })
      .sort((a, b) => a.branchName.localeCompare(b.branchName, 'zh')),
  };
}
