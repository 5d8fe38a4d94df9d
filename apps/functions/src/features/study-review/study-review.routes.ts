import type { studyReviewRoutes } from '@chuangxing/shared';
import type { RouteImpls } from '../../platform/http/route-context';
import { actOnReviewItem, addReviewItem, getReviewBoard, getTownshipReviewSummary } from './review-items';
import type { StudyReviewPorts } from './study-review.ports';

export const studyReviewImplementations: RouteImpls<typeof studyReviewRoutes, StudyReviewPorts> = {
  getReviewBoard: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await getReviewBoard(deps, principal, allowed, params.branchId, params.month),
  }),
  addReviewItem: async ({ deps, principal, allowed, params, body }) => ({
    status: 201,
    body: await addReviewItem(deps, principal, allowed, params.branchId, params.month, body),
  }),
  actOnReviewItem: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await actOnReviewItem(deps, principal, allowed, params.branchId, params.itemId, body),
  }),
  getTownshipReviewSummary: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await getTownshipReviewSummary(deps, principal, allowed, params.townshipId, params.month),
  }),
};
