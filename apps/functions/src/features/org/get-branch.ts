import type { Role } from '@chuangxing/shared';
import { notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, coversBranch, type Principal } from '../../platform/kernel/principal';
import type { Branch, Township } from './org';
import type { OrgPorts } from './org.ports';

/** Outside the caller's scope a branch answers 404, exactly as if it did not exist. */
export async function getBranch(
  deps: OrgPorts,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
): Promise<{ branch: Branch; township: Township }> {
  const branch = await deps.org.getBranch(branchId);
  if (!branch || !bindingsFor(principal, allowed).some((b) => coversBranch(b, branch))) throw notFound('支部');
  const township = await deps.org.getTownship(branch.districtId, branch.townshipId);
  if (!township) throw notFound('乡镇（街道）');
  return { branch, township };
}
