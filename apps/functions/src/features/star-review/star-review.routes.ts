import type { starReviewRoutes } from '@chuangxing/shared';
import type { RouteImpls } from '../../platform/http/route-context';
import { readStarReviewContext } from './read-review-context';
import type { StarReviewPorts } from './star-review.ports';

export const starReviewImplementations: RouteImpls<typeof starReviewRoutes, StarReviewPorts> = {
  getStarReviewContext: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await readStarReviewContext(deps, principal, allowed, params.applicationId),
  }),
};
