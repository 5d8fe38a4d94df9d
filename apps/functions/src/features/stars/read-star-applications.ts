import type { BranchStarApplications, Role, StarApplicationDetail, StarReviewQueue, StarReviewStage } from '@chuangxing/shared';
import { notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, type Principal, reachableTownships } from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { publicityEnded } from './star-application';
import { detailOf, summaryOf } from './star-presenters';
import { overseesBranch, starActorsFor, starBranch, taskforceStars } from './star-scope';
import type { StarsPorts } from './stars.ports';

/** An application with its history, the caller's moves and whether they oversee the branch (and so read the review context). */
export async function readStarApplication(
  deps: StarsPorts,
  principal: Principal,
  allowed: readonly Role[],
  applicationId: string,
): Promise<StarApplicationDetail> {
  const found = await deps.applications.get(applicationId);
  if (!found) throw notFound('申报');
  const star = found.application.star;
  const branch = await starBranch(deps, principal, allowed, found.application.branchId, star);
  const today = shanghaiDay(deps.clock.now());
  const actors = starActorsFor(principal, allowed, deps.districtId, branch, star);
  const detail = await detailOf(deps, found.application, found.history, actors, overseesBranch(principal, allowed, branch, star));
  // 授星 is offered only once 公示 has ended and every objection is resolved.
  const awardable = publicityEnded(found.application, today) && !found.application.openObjections;
  return { ...detail, actions: detail.actions.filter((a) => a !== 'award' || awardable) };
}

export async function listBranchStarApplications(
  deps: StarsPorts,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
): Promise<BranchStarApplications> {
  const branch = await starBranch(deps, principal, allowed, branchId);
  const apps = await deps.applications.listForBranch(branch.id);
  return { branchId: branch.id, branchName: branch.name, applications: apps.map(summaryOf) };
}

const STAGE_STATUS = { township: 'township_review', district: 'district_review', publicity: 'publicity' } as const;

/**
 * Applications at a stage within the townships the caller's reviewer bindings reach (one index query each); a 专班
 * sees its star's across the district (one index query, filtered to the star).
 */
export async function listStarReviewQueue(
  deps: StarsPorts,
  principal: Principal,
  allowed: readonly Role[],
  stage: StarReviewStage,
): Promise<StarReviewQueue> {
  const status = STAGE_STATUS[stage];
  const stars = taskforceStars(principal, allowed, deps.districtId);
  const reach = reachableTownships(
    bindingsFor(principal, allowed).filter((b) => b.role !== 'taskforce'),
    deps.districtId,
  );
  const byReach =
    reach === 'all'
      ? deps.applications.listByStatus(deps.districtId, status)
      : Promise.all([...reach].map((t) => deps.applications.listByStatus(deps.districtId, status, t))).then((l) => l.flat());
  let apps = await byReach;
  if (stars.size && reach !== 'all') {
    const seen = new Set(apps.map((a) => a.id));
    const ofStars = (await deps.applications.listByStatus(deps.districtId, status)).filter((a) => stars.has(a.star) && !seen.has(a.id));
    apps = [...apps, ...ofStars];
  }
  return { stage, applications: apps.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)).map(summaryOf) };
}
