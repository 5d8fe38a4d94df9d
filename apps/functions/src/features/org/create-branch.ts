import type { CreateBranchBody, Role } from '@chuangxing/shared';
import { forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, managesTownship, type Principal } from '../../platform/kernel/principal';
import { type Branch, normaliseName, type Township } from './org';
import type { OrgPorts } from './org.ports';

export async function createBranch(
  deps: OrgPorts,
  principal: Principal,
  allowed: readonly Role[],
  townshipId: string,
  input: CreateBranchBody,
): Promise<{ branch: Branch; township: Township }> {
  const township = await deps.org.getTownship(deps.districtId, townshipId);
  if (!township) throw notFound('乡镇（街道）');
  if (!bindingsFor(principal, allowed).some((b) => managesTownship(b, deps.districtId, townshipId))) throw forbiddenScope();
  const now = deps.clock.now().toISOString();
  const branch: Branch = {
    id: deps.ids.next(),
    districtId: deps.districtId,
    townshipId,
    name: normaliseName(input.name),
    type: input.type,
    isDemo: false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await deps.org.createBranch(branch);
  return { branch, township };
}
