import type { Role } from '@chuangxing/shared';
import { forbiddenScope, notFound, unknownReference } from '../../platform/kernel/domain-error';
import { bindingsFor, coversBranch, filerBindingFor, type Principal } from '../../platform/kernel/principal';
import type { Branch } from '../org/org.readers';
import type { InspectionsPorts } from './inspections.ports';

/** Who watches over a branch's 问题清单 besides the branch itself. */
const OVERSEERS: readonly Role[] = ['township_staff', 'leader', 'inspector', 'district_admin'];

type ScopePorts = Pick<InspectionsPorts, 'districtId' | 'org'>;

/** An inspector binding of the caller covers the branch. */
export const inspects = (principal: Principal, allowed: readonly Role[], branch: Branch) =>
  bindingsFor(principal, allowed).some((b) => b.role === 'inspector' && coversBranch(b, branch));

/** The branch, if an inspector binding of the caller covers it: 404 when it does not exist, 403 outside the scope. */
export async function inspectedBranch(
  deps: ScopePorts,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  path = 'body.content.branchId',
): Promise<Branch> {
  const branch = await deps.org.getBranch(branchId);
  if (!branch || branch.districtId !== deps.districtId) throw unknownReference(path, '支部不存在');
  if (!inspects(principal, allowed, branch)) throw forbiddenScope();
  return branch;
}

/**
 * Who may read a branch's 问题清单: its own cadres and secretary, and overseers whose scope covers it. A cadre of
 * another branch gets 404 (as if it did not exist); an overseer outside the scope 403.
 */
export async function findingsBranch(deps: ScopePorts, principal: Principal, allowed: readonly Role[], branchId: string): Promise<Branch> {
  const branch = await deps.org.getBranch(branchId);
  const bindings = bindingsFor(principal, allowed);
  if (!branch) throw notFound('支部');
  if (filerBindingFor(principal, allowed, deps.districtId, branchId)) return branch;
  const overseers = bindings.filter((b) => OVERSEERS.includes(b.role));
  if (overseers.some((b) => coversBranch(b, branch))) return branch;
  if (overseers.length) throw forbiddenScope();
  throw notFound('支部');
}
