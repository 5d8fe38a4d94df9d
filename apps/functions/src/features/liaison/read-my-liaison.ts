import { LIAISON_LIMITS, type MyLiaison } from '@chuangxing/shared';
import type { Principal } from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import type { LiaisonPorts } from './liaison.ports';
import { liaisonTownship, UNDER_REVIEW } from './liaison-home';

/**
 * A leader's home: each assigned township with its branches' levels, applications under review, candidates, overdue
 * findings and latest visits. Bounded reads: the assignment, the townships, one index query per review status for
 * the whole district, and per township one read of each source (branches, held stars, findings, candidates, visits).
 */
export async function readMyLiaison(deps: LiaisonPorts, principal: Principal): Promise<MyLiaison> {
  const today = shanghaiDay(deps.clock.now());
  const assignment = await deps.liaison.getAssignment(deps.districtId, principal.user.id);
  const ids = assignment?.townshipIds ?? [];
  if (!ids.length) return { today, townships: [] };
  const [townships, applications] = await Promise.all([
    deps.org.listTownships(deps.districtId),
    Promise.all(UNDER_REVIEW.map((status) => deps.applications.listByStatus(deps.districtId, status))).then((lists) => lists.flat()),
  ]);
  const names = new Map(townships.map((t) => [t.id, t.name]));
  // A township removed since it was assigned drops out of the home.
  const present = ids.filter((id) => names.has(id));
  const sections = await Promise.all(
    present.map(async (id) => {
      const [branches, holdings, findings, candidates, visits] = await Promise.all([
        deps.org.listBranches(id),
        deps.held.holdingsOfTownship(deps.districtId, id),
        deps.findings.listFindingsForTownship(id),
        deps.liaison.townshipCandidates(id),
        deps.liaison.townshipVisits(id, LIAISON_LIMITS.recentVisits),
      ]);
      return liaisonTownship(
        { township: { id, name: names.get(id) ?? id }, branches, holdings, applications, findings, candidates, visits },
        today,
      );
    }),
  );
  return { today, townships: sections };
}
