import type { Role, Star } from '@chuangxing/shared';
import { forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, coversBranch, filerBindingFor, isDistrictAdmin, type Principal } from '../../platform/kernel/principal';
import type { Branch } from '../org/org.readers';
import type { StarActor } from './star-application';
import type { StarsPorts } from './stars.ports';

/** Who oversees a branch's applications besides the branch itself (reading them, and reviewers' context). */
const OVERSEERS: readonly Role[] = ['township_staff', 'leader', 'district_admin'];

type ScopePorts = Pick<StarsPorts, 'districtId' | 'org'>;

/** The stars the caller reviews as a 专班 (taskforce bindings of the district, through the route's roles). */
export function taskforceStars(principal: Principal, allowed: readonly Role[], districtId: string): Set<Star> {
  const stars = new Set<Star>();
  for (const b of bindingsFor(principal, allowed))
    if (b.role === 'taskforce' && b.star && b.scope.level === 'district' && b.scope.districtId === districtId) stars.add(b.star);
  return stars;
}

/** The caller holds a 专班 binding through the route's roles, of any star. */
export const isTaskforce = (principal: Principal, allowed: readonly Role[]) =>
  bindingsFor(principal, allowed).some((b) => b.role === 'taskforce');

/**
 * The review steps the caller may take for the branch's application for `star`: its secretary (申报, 修改重报),
 * township staff whose scope covers it (初审), the star's 专班 (复审) and the district admin (复审 as a fallback, 授星).
 */
export function starActorsFor(principal: Principal, allowed: readonly Role[], districtId: string, branch: Branch, star: Star): StarActor[] {
  const actors: StarActor[] = [];
  if (filerBindingFor(principal, allowed.includes('secretary') ? ['secretary'] : [], districtId, branch.id)) actors.push('secretary');
  if (bindingsFor(principal, allowed).some((b) => b.role === 'township_staff' && b.scope.level === 'township' && coversBranch(b, branch)))
    actors.push('township');
  if (taskforceStars(principal, allowed, districtId).has(star) && branch.districtId === districtId) actors.push('taskforce');
  if (isDistrictAdmin(bindingsFor(principal, allowed), districtId)) actors.push('district');
  return actors;
}

/**
 * An overseer binding of the caller (through the route's roles) covers the branch, or the caller is the 专班 of the
 * application's star: they see reviewers' context.
 */
export const overseesBranch = (principal: Principal, allowed: readonly Role[], branch: Branch, star?: Star) =>
  bindingsFor(principal, allowed).some((b) => OVERSEERS.includes(b.role) && coversBranch(b, branch)) ||
  (star !== undefined && taskforceStars(principal, allowed, branch.districtId).has(star));

/**
 * The branch, if the caller may read its applications (for `star`, when reading one application): its own cadres and
 * secretary, overseers whose scope covers it, and the star's 专班. A cadre of another branch gets 404 (as if it did
 * not exist); an overseer outside the scope, or the 专班 of another star, 403.
 */
export async function starBranch(
  deps: ScopePorts,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  star?: Star,
): Promise<Branch> {
  const branch = await deps.org.getBranch(branchId);
  if (!branch || branch.districtId !== deps.districtId) throw notFound('支部');
  if (filerBindingFor(principal, allowed, deps.districtId, branchId)) return branch;
  if (overseesBranch(principal, allowed, branch, star)) return branch;
  if (bindingsFor(principal, allowed).some((b) => OVERSEERS.includes(b.role) || b.role === 'taskforce')) throw forbiddenScope();
  throw notFound('支部');
}
