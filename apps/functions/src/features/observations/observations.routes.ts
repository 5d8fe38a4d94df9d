import type { Routes } from '@chuangxing/shared';
import type { RouteImpl } from '../../platform/http/route-context';
import {
  branchObservationResults,
  listObserverCandidates as candidatesUseCase,
  closeObservation as closeUseCase,
  createObservation as createUseCase,
  getObservation as getUseCase,
  listObservations as listUseCase,
  scoreBranch,
} from './observations';

export const listObservations: RouteImpl<Routes['listObservations']> = async ({ deps, principal, allowed, query }) => ({
  status: 200,
  body: await listUseCase(deps, principal, allowed, query.month),
});

export const listObserverCandidates: RouteImpl<Routes['listObserverCandidates']> = async ({ deps, principal, allowed, query }) => ({
  status: 200,
  body: await candidatesUseCase(deps, principal, allowed, query.townshipId),
});

export const createObservation: RouteImpl<Routes['createObservation']> = async ({ deps, principal, allowed, body }) => ({
  status: 201,
  body: await createUseCase(deps, principal, allowed, body),
});

export const getObservation: RouteImpl<Routes['getObservation']> = async ({ deps, principal, allowed, params }) => ({
  status: 200,
  body: await getUseCase(deps, principal, allowed, params.observationId),
});

export const scoreObservationBranch: RouteImpl<Routes['scoreObservationBranch']> = async ({ deps, principal, params, body }) => ({
  status: 200,
  body: await scoreBranch(deps, principal, params.observationId, params.branchId, body),
});

export const closeObservation: RouteImpl<Routes['closeObservation']> = async ({ deps, principal, allowed, params, body }) => ({
  status: 200,
  body: await closeUseCase(deps, principal, allowed, params.observationId, body.version),
});

export const getBranchObservationResults: RouteImpl<Routes['getBranchObservationResults']> = async ({
  deps,
  principal,
  allowed,
  params,
  query,
}) => ({
  status: 200,
  body: await branchObservationResults(deps, principal, allowed, params.branchId, query.quarter),
});
