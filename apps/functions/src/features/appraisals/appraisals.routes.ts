import type { appraisalsRoutes } from '@chuangxing/shared';
import type { RouteImpls } from '../../platform/http/route-context';
import type { AppraisalsPorts } from './appraisals.ports';
import * as appraisals from './manage-appraisals';

export const appraisalsImplementations: RouteImpls<typeof appraisalsRoutes, AppraisalsPorts> = {
  listAppraisals: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await appraisals.listAppraisals(deps, principal, allowed, params.townshipId),
  }),
  getAppraisal: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await appraisals.getAppraisal(deps, principal, allowed, params),
  }),
  putAppraisal: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await appraisals.putAppraisal(deps, principal, allowed, params, body),
  }),
  transitionAppraisal: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await appraisals.transition(deps, principal, allowed, params, body),
  }),
  putAppraisalReport: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await appraisals.putReport(deps, principal, allowed, params, body),
  }),
  redeemAppraisalSeat: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await appraisals.redeemSeat(deps, principal, allowed, params, body.code),
  }),
  putAppraisalSheet: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await appraisals.putSheet(deps, principal, allowed, params, body),
  }),
};
