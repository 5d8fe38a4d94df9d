import type { Role, Star } from '@chuangxing/shared';
import { forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import type { Kernel } from '../../platform/kernel/kernel';
import { bindingsFor, coversBranch, filerBindingFor, type Principal } from '../../platform/kernel/principal';
import type { Branch, OrgReader } from '../org/org.readers';
import type { HeldStarRepository } from './held-star-repository';
import type { StarApplicationRepository } from './star-application-repository';

export type { StarHoldingRecord } from './held-star-repository';
export type { StoredStarApplication as StarApplicationRecord } from './star-application';

/** The stars as other features read them: a township's held and withdrawn stars (the ranking counts them as of a day). */
export type HeldStarsReader = Pick<HeldStarRepository, 'holdingsOfTownship'>;

/** The district's applications in one status (one index query each): a leader's home counts those under review. */
export type StarApplicationsReader = Pick<StarApplicationRepository, 'listByStatus'>;

/** One application with its history, by id: the review context (star-review) reads which branch and star it is for. */
export type StarApplicationReader = Pick<StarApplicationRepository, 'get'>;

/* Who reads a branch's applications and who oversees them: the stars' use cases and the review context (star-review) check the same. */

/** Who oversees a branch's applications besides the branch itself (reading them, and reviewers' context). */
const OVERSEERS: readonly Role[] = ['township_staff', 'leader', 'district_admin'];

type ScopePorts = Pick<Kernel, 'districtId'> & { org: OrgReader };

/** The stars the caller reviews as a 专班 (taskforce bindings of the district, through the route's roles). */
export function taskforceStars(principal: Principal, allowed: readonly Role[], districtId: string): Set<Star> {
  const stars = new Set<Star>();
  for (const b of bindingsFor(principal, allowed))
    if (b.role === 'taskforce' && b.star && b.scope.level === 'district' && b.scope.districtId === districtId) stars.add(b.star);
  return stars;
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
