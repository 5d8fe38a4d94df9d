import type { LiaisonVisit, RecordLiaisonVisitBody, Role } from '@chuangxing/shared';
import { conflict, forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, coversTownship, type Principal } from '../../platform/kernel/principal';
import { assignedTo, isVisitRetry, newVisit, visitView } from './liaison';
import type { LiaisonPorts } from './liaison.ports';
import { actorOf, assignedBranch } from './liaison-access';

/** How many of a township's latest visits a list shows. */
export const VISIT_LIST_LIMIT = 100;

/** A leader records a visit to a branch of an assigned township; the same client id again answers the same visit. */
export async function recordLiaisonVisit(
  deps: Pick<LiaisonPorts, 'districtId' | 'clock' | 'ids' | 'org' | 'liaison'>,
  principal: Principal,
  branchId: string,
  body: RecordLiaisonVisitBody,
): Promise<LiaisonVisit> {
  const branch = await assignedBranch(deps, principal, branchId);
  const visit = newVisit(deps.ids.next(), body, branch, actorOf(deps, principal));
  const res = await deps.liaison.createVisit(visit);
  if (res.kind === 'exists' && !isVisitRetry(res.visit, body, branch.id))
    throw conflict('这条走访记录的编号已被使用，请刷新后重新填写', 'body.clientId');
  return visitView(res.visit);
}

/**
 * A township's visits: its own staff, the district admin, and the leaders it is assigned to. Staff of another
 * township or a leader not assigned there are out of scope.
 */
export async function listLiaisonVisits(
  deps: Pick<LiaisonPorts, 'districtId' | 'org' | 'liaison'>,
  principal: Principal,
  allowed: readonly Role[],
  townshipId: string,
): Promise<{ visits: LiaisonVisit[] }> {
  const bindings = bindingsFor(principal, allowed);
  const staffOrAdmin = bindings.some(
    (b) => (b.role === 'township_staff' || b.role === 'district_admin') && coversTownship(b, deps.districtId, townshipId),
  );
  const assigned =
    !staffOrAdmin &&
    bindings.some((b) => b.role === 'leader') &&
    assignedTo(await deps.liaison.getAssignment(deps.districtId, principal.user.id), townshipId);
  if (!staffOrAdmin && !assigned) throw forbiddenScope();
  const township = await deps.org.getTownship(deps.districtId, townshipId);
  if (!township) throw notFound('乡镇（街道）');
  return { visits: (await deps.liaison.townshipVisits(townshipId, VISIT_LIST_LIMIT)).map(visitView) };
}
