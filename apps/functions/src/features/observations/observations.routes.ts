import type { observationsRoutes } from '@chuangxing/shared';
import type { RouteImpls } from '../../platform/http/route-context';
import type { ObservationsPorts } from './observations.ports';
import { closeObservation, createObservation, listObserverCandidates } from './organise-observation';
import { branchObservationResults, getObservation, listObservations } from './read-observations';
import { scoreBranch } from './score-observation';

export const observationsImplementations: RouteImpls<typeof observationsRoutes, ObservationsPorts> = {
  listObservations: async ({ deps, principal, allowed, query }) => ({
    status: 200,
    body: await listObservations(deps, principal, allowed, query.month),
  }),
  listObserverCandidates: async ({ deps, principal, allowed, query }) => ({
    status: 200,
    body: await listObserverCandidates(deps, principal, allowed, query.townshipId),
  }),
  createObservation: async ({ deps, principal, allowed, body }) => ({
    status: 201,
    body: await createObservation(deps, principal, allowed, body),
  }),
  getObservation: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await getObservation(deps, principal, allowed, params.observationId),
  }),
  scoreObservationBranch: async ({ deps, principal, params, body }) => ({
    status: 200,
    body: await scoreBranch(deps, principal, params.observationId, params.branchId, body),
  }),
  closeObservation: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await closeObservation(deps, principal, allowed, params.observationId, body.version),
  }),
  getBranchObservationResults: async ({ deps, principal, allowed, params, query }) => ({
    status: 200,
    body: await branchObservationResults(deps, principal, allowed, params.branchId, query.quarter),
  }),
};
