import type { Role } from '@chuangxing/shared';
import { forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, coversBranch, filerBindingFor, isDistrictAdmin, type Principal } from '../../platform/kernel/principal';
import type { Branch } from '../org/org.readers';
import type { StarActor } from './star-application';
import type { StarsPorts } from './stars.ports';

/** Who oversees a branch's applications besides the branch itself (reading them, and reviewers' context). */
const OVERSEERS: readonly Role[] = ['township_staff', 'leader', 'district_admin'];

type ScopePorts = Pick<StarsPorts, 'districtId' | 'org'>;

/**
 * The review steps the caller may take for the branch: its secretary (申报, 修改重报), township staff whose scope
 * covers it (初审), and the district's 专班 (复审, 授星).
 */
// The 专班 of each star (政法委, 社治委, 农委, …) is not a role yet: until it is, the district admin reviews every star.
export function starActorsFor(principal: Principal, allowed: readonly Role[], districtId: string, branch: Branch): StarActor[] {
  const actors: StarActor[] = [];
  if (filerBindingFor(principal, allowed.includes('secretary') ? ['secretary'] : [], districtId, branch.id)) actors.push('secretary');
  if (bindingsFor(principal, allowed).some((b) => b.role === 'township_staff' && b.scope.level === 'township' && coversBranch(b, branch)))
    actors.push('township');
  if (isDistrictAdmin(bindingsFor(principal, allowed), districtId)) actors.push('district');
  return actors;
}

/** An overseer binding of the caller (through the route's roles) covers the branch: they see reviewers' context. */
export const overseesBranch = (principal: Principal, allowed: readonly Role[], branch: Branch) =>
  bindingsFor(principal, allowed).some((b) => OVERSEERS.includes(b.role) && coversBranch(b, branch));

/**
 * The branch, if the caller may read its applications: its own cadres and secretary, and overseers whose scope
 * covers it. A cadre of another branch gets 404 (as if it did not exist); an overseer outside the scope 403.
 */
export async function starBranch(deps: ScopePorts, principal: Principal, allowed: readonly Role[], branchId: string): Promise<Branch> {
  const branch = await deps.org.getBranch(branchId);
  if (!branch || branch.districtId !== deps.districtId) throw notFound('支部');
  if (filerBindingFor(principal, allowed, deps.districtId, branchId)) return branch;
  if (overseesBranch(principal, allowed, branch)) return branch;
  if (bindingsFor(principal, allowed).some((b) => OVERSEERS.includes(b.role))) throw forbiddenScope();
  throw notFound('支部');
}
