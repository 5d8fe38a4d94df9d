import type { Routes } from '@chuangxing/shared';
import type { RouteImpl } from '../../platform/http/route-context';
import * as uc from './inspections';

export const listInspections: RouteImpl<Routes['listInspections']> = async ({ deps, principal }) => ({
  status: 200,
  body: await uc.listInspections(deps, principal),
});

export const createInspectionDraft: RouteImpl<Routes['createInspectionDraft']> = async ({ deps, principal, allowed, body }) => ({
  status: 201,
  body: await uc.createInspectionDraft(deps, principal, allowed, body.content),
});

export const getInspectionDraft: RouteImpl<Routes['getInspectionDraft']> = async ({ deps, principal, params }) => ({
  status: 200,
  body: await uc.getInspectionDraft(deps, principal, params.draftId),
});

export const saveInspectionDraft: RouteImpl<Routes['saveInspectionDraft']> = async ({ deps, principal, allowed, params, body }) => ({
  status: 200,
  body: await uc.saveInspectionDraft(deps, principal, allowed, params.draftId, body.content, body.version),
});

export const deleteInspectionDraft: RouteImpl<Routes['deleteInspectionDraft']> = async ({ deps, principal, params }) => ({
  status: 200,
  body: await uc.deleteInspectionDraft(deps, principal, params.draftId),
});

export const recordInspection: RouteImpl<Routes['recordInspection']> = async ({ deps, principal, allowed, params, body }) => ({
  status: 201,
  body: await uc.recordInspection(deps, principal, allowed, params.draftId, body.version),
});

export const presignInspectionPhoto: RouteImpl<Routes['presignInspectionPhoto']> = async ({ deps, principal, allowed, body }) => ({
  status: 200,
  body: await uc.presignInspectionPhoto(deps, principal, allowed, body),
});

export const listBranchFindings: RouteImpl<Routes['listBranchFindings']> = async ({ deps, principal, allowed, params }) => ({
  status: 200,
  body: await uc.listBranchFindings(deps, principal, allowed, params.branchId),
});

export const listTownshipFindings: RouteImpl<Routes['listTownshipFindings']> = async ({ deps, principal, allowed, params, query }) => ({
  status: 200,
  body: await uc.listTownshipFindings(deps, principal, allowed, params.townshipId, query.status),
});

export const getFinding: RouteImpl<Routes['getFinding']> = async ({ deps, principal, allowed, params }) => ({
  status: 200,
  body: await uc.getFinding(deps, principal, allowed, params.findingId),
});

export const actOnFinding: RouteImpl<Routes['actOnFinding']> = async ({ deps, principal, allowed, params, body }) => ({
  status: 200,
  body: await uc.actOnFinding(deps, principal, allowed, params.findingId, body),
});
