import type { Role, Star } from '@chuangxing/shared';
import { bindingsFor, coversBranch, filerBindingFor, isDistrictAdmin, type Principal } from '../../platform/kernel/principal';
import type { Branch } from '../org/org.readers';
import type { StarActor } from './star-application';
import { taskforceStars } from './stars.readers';

// Who reads and oversees a branch's applications is the stars' public surface (the review context checks it too).
export { overseesBranch, starBranch, taskforceStars } from './stars.readers';

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
