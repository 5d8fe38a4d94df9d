import type { Role, StarReviewContext } from '@chuangxing/shared';
import { forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import type { Principal } from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { overseesBranch, starBranch } from '../stars/stars.readers';
import { reviewContext } from './review-context';
import type { StarReviewPorts } from './star-review.ports';

/**
 * The review context of an application, for those who oversee its branch for its star (the same test the application
 * detail answers with `canReadContext`): anyone else who may not read the branch gets 404 or 403 as the detail would,
 * and a reader who is no overseer 403.
 */
export async function readStarReviewContext(
  deps: StarReviewPorts,
  principal: Principal,
  allowed: readonly Role[],
  applicationId: string,
): Promise<StarReviewContext> {
  const found = await deps.applications.get(applicationId);
  if (!found) throw notFound('申报');
  const star = found.application.star;
  const branch = await starBranch(deps, principal, allowed, found.application.branchId, star);
  if (!overseesBranch(principal, allowed, branch, star)) throw forbiddenScope();
  return reviewContext(deps, star, branch, shanghaiDay(deps.clock.now()));
}
