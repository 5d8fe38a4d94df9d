import type { liaisonRoutes } from '@chuangxing/shared';
import type { RouteImpls } from '../../platform/http/route-context';
import { assignLiaison, listLiaisonAssignments } from './assign-liaison';
import type { LiaisonPorts } from './liaison.ports';
import { markFiveStarCandidate, withdrawFiveStarCandidate } from './mark-candidate';
import { readMyLiaison } from './read-my-liaison';
import { listLiaisonVisits, recordLiaisonVisit } from './record-visit';

export const liaisonImplementations: RouteImpls<typeof liaisonRoutes, LiaisonPorts> = {
  listLiaisonAssignments: async ({ deps, principal, allowed }) => ({
    status: 200,
    body: await listLiaisonAssignments(deps, principal, allowed),
  }),
  assignLiaison: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await assignLiaison(deps, principal, allowed, params.leaderId, body),
  }),
  getMyLiaison: async ({ deps, principal }) => ({ status: 200, body: await readMyLiaison(deps, principal) }),
  recordLiaisonVisit: async ({ deps, principal, params, body }) => ({
    status: 200,
    body: await recordLiaisonVisit(deps, principal, params.branchId, body),
  }),
  listLiaisonVisits: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await listLiaisonVisits(deps, principal, allowed, params.townshipId),
  }),
  putFiveStarCandidate: async ({ deps, principal, params, body }) => ({
    status: 200,
    body: await markFiveStarCandidate(deps, principal, params.branchId, body),
  }),
  withdrawFiveStarCandidate: async ({ deps, principal, params, body }) => ({
    status: 200,
    body: await withdrawFiveStarCandidate(deps, principal, params.branchId, body.version),
  }),
};
