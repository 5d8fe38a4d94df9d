import type { RenameBranchBody, Role } from '@chuangxing/shared';
import { forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, coversBranch, managesTownship, type Principal } from '../../platform/kernel/principal';
import { type Branch, normaliseName, type Township } from './org';
import type { OrgPorts } from './org.ports';

export async function renameBranch(
  deps: OrgPorts,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  input: RenameBranchBody,
): Promise<{ branch: Branch; township: Township }> {
  const bindings = bindingsFor(principal, allowed);
  const branch = await deps.org.getBranch(branchId);
  if (!branch || !bindings.some((b) => coversBranch(b, branch))) throw notFound('支部');
  if (!bindings.some((b) => managesTownship(b, branch.districtId, branch.townshipId))) throw forbiddenScope();
  const township = await deps.org.getTownship(branch.districtId, branch.townshipId);
  if (!township) throw notFound('乡镇（街道）');
  const renamed = await deps.org.renameBranch(branch, normaliseName(input.name), input.version, deps.clock.now().toISOString());
  return { branch: renamed, township };
}
