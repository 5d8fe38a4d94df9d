import type { Role } from '@chuangxing/shared';
import { forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, coversBranch, coversTownship, type Principal } from '../../platform/kernel/principal';
import type { Branch, Township } from './org';
import type { OrgPorts } from './org.ports';

/** A township outside every binding is refused; branch-scoped callers see only their own branch in it. */
export async function listTownshipBranches(
  deps: OrgPorts,
  principal: Principal,
  allowed: readonly Role[],
  townshipId: string,
): Promise<{ township: Township; branches: Branch[] }> {
  const bindings = bindingsFor(principal, allowed);
  const township = await deps.org.getTownship(deps.districtId, townshipId);
  if (!township) throw notFound('乡镇（街道）');
  // Township names are public; only their contents are scoped.
  if (!bindings.some((b) => coversTownship(b, deps.districtId, townshipId))) throw forbiddenScope();
  const branches = await deps.org.listBranches(townshipId);
  return { township, branches: branches.filter((br) => bindings.some((b) => coversBranch(b, br))) };
}
