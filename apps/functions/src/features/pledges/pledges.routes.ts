import type { pledgesRoutes } from '@chuangxing/shared';
import type { RouteImpls } from '../../platform/http/route-context';
import { getBranchPledges, getPledgeBoard, publishBranchPledges, reportBranchProgress } from './manage-pledges';
import type { PledgesPorts } from './pledges.ports';

export const pledgesImplementations: RouteImpls<typeof pledgesRoutes, PledgesPorts> = {
  getBranchPledges: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await getBranchPledges(deps, principal, allowed, params.branchId, params.year),
  }),
  publishPledges: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await publishBranchPledges(deps, principal, allowed, params.branchId, params.year, body),
  }),
  reportPledgeProgress: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await reportBranchProgress(deps, principal, allowed, params, body),
  }),
  getPledgeBoard: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await getPledgeBoard(deps, principal, allowed, params.townshipId, params.month),
  }),
};
