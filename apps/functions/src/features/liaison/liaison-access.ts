import { forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import type { Principal } from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import type { Branch } from '../org/org.readers';
import { assignedTo, type LiaisonActor } from './liaison';
import type { LiaisonPorts } from './liaison.ports';

export function actorOf(deps: Pick<LiaisonPorts, 'clock'>, principal: Principal): LiaisonActor {
  const now = deps.clock.now();
  return { userId: principal.user.id, name: principal.user.displayName, at: now.toISOString(), today: shanghaiDay(now) };
}

/**
 * A branch the calling leader records in: it must lie in a township assigned to them. A branch outside the district
 * does not exist for them (404); one in a township not theirs is out of scope (403).
 */
export async function assignedBranch(
  deps: Pick<LiaisonPorts, 'districtId' | 'org' | 'liaison'>,
  principal: Principal,
  branchId: string,
): Promise<Branch> {
  const [branch, assignment] = await Promise.all([
    deps.org.getBranch(branchId),
    deps.liaison.getAssignment(deps.districtId, principal.user.id),
  ]);
  if (!branch || branch.districtId !== deps.districtId) throw notFound('支部');
  if (!assignedTo(assignment, branch.townshipId)) throw forbiddenScope();
  return branch;
}
