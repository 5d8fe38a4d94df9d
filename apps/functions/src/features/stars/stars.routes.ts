import type { starsRoutes } from '@chuangxing/shared';
import type { RouteImpls } from '../../platform/http/route-context';
import { decideAnnualStarReview, getAnnualStarReview } from './annual-star-review';
import { applyForStar, resubmitStarApplication } from './apply-for-star';
import { decideStarApplication } from './decide-star-application';
import { readBranchHeldStars, recordBaselineStars } from './held-stars';
import { presignStarEvidence } from './presign-star-evidence';
import { listBranchStarApplications, listStarReviewQueue, readStarApplication } from './read-star-applications';
import { fileStarObjection, listMyStarObjections, listStarObjections, resolveStarObjection } from './star-objections';
import { getBranchStarPublicity, getStarPublicityBoard, getStarRules, putStarRules } from './star-rules';
import { getStarTaskforceBoard, getStarTaskforces, putStarTaskforces } from './star-taskforces';
import { decideStarWithdrawal, listStarWithdrawals, openStarWithdrawal } from './star-withdrawals';
import type { StarsPorts } from './stars.ports';

export const starsImplementations: RouteImpls<typeof starsRoutes, StarsPorts> = {
  applyForStar: async ({ deps, principal, allowed, params, body }) => ({
    status: 201,
    body: await applyForStar(deps, principal, allowed, params.branchId, body),
  }),
  listBranchStarApplications: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await listBranchStarApplications(deps, principal, allowed, params.branchId),
  }),
  listStarReviewQueue: async ({ deps, principal, allowed, query }) => ({
    status: 200,
    body: await listStarReviewQueue(deps, principal, allowed, query.stage),
  }),
  getStarApplication: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await readStarApplication(deps, principal, allowed, params.applicationId),
  }),
  resubmitStarApplication: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await resubmitStarApplication(deps, principal, allowed, params.applicationId, body),
  }),
  decideStarApplication: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await decideStarApplication(deps, principal, allowed, params.applicationId, body),
  }),
  getStarRules: async ({ deps }) => ({ status: 200, body: await getStarRules(deps) }),
  putStarRules: async ({ deps, principal, allowed, body }) => ({ status: 200, body: await putStarRules(deps, principal, allowed, body) }),
  getStarPublicityBoard: async ({ deps }) => ({ status: 200, body: await getStarPublicityBoard(deps) }),
  presignStarEvidence: async ({ deps, principal, allowed, body }) => ({
    status: 200,
    body: await presignStarEvidence(deps, principal, allowed, body),
  }),
  getBranchStarPublicity: async ({ deps, params }) => ({ status: 200, body: await getBranchStarPublicity(deps, params.branchId) }),
  fileStarObjection: async ({ deps, principal, params, body }) => {
    const out = await fileStarObjection(deps, principal, params.applicationId, body);
    return { status: 201, body: out.objection };
  },
  listMyStarObjections: async ({ deps, principal }) => ({ status: 200, body: await listMyStarObjections(deps, principal) }),
  listStarObjections: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await listStarObjections(deps, principal, allowed, params.applicationId),
  }),
  resolveStarObjection: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: (await resolveStarObjection(deps, principal, allowed, params.applicationId, params.objectionId, body)).list,
  }),
  getBranchHeldStars: async ({ deps, params }) => ({ status: 200, body: await readBranchHeldStars(deps, params.branchId) }),
  recordBaselineStars: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await recordBaselineStars(deps, principal, allowed, params.branchId, body),
  }),
  openStarWithdrawal: async ({ deps, principal, allowed, body }) => {
    const out = await openStarWithdrawal(deps, principal, allowed, body);
    return { status: out.kind === 'created' ? 201 : 200, body: out.withdrawal };
  },
  listStarWithdrawals: async ({ deps, principal, allowed, query }) => ({
    status: 200,
    body: await listStarWithdrawals(deps, principal, allowed, query.status),
  }),
  decideStarWithdrawal: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await decideStarWithdrawal(deps, principal, allowed, params.withdrawalId, body),
  }),
  getAnnualStarReview: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await getAnnualStarReview(deps, principal, allowed, params.year),
  }),
  decideAnnualStarReview: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await decideAnnualStarReview(deps, principal, allowed, params.year, params.branchId, body),
  }),
  getStarTaskforces: async ({ deps }) => ({ status: 200, body: await getStarTaskforces(deps) }),
  putStarTaskforces: async ({ deps, principal, allowed, body }) => ({
    status: 200,
    body: await putStarTaskforces(deps, principal, allowed, body),
  }),
  getStarTaskforceBoard: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await getStarTaskforceBoard(deps, principal, allowed, params.star),
  }),
};
