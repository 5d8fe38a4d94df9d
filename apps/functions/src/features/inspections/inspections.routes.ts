import type { inspectionsRoutes } from '@chuangxing/shared';
import type { RouteImpls } from '../../platform/http/route-context';
import { actOnFinding, getFinding } from './act-on-finding';
import {
  createInspectionDraft,
  deleteInspectionDraft,
  getInspectionDraft,
  listInspections,
  saveInspectionDraft,
} from './inspection-drafts';
import type { InspectionsPorts } from './inspections.ports';
import { listBranchFindings, listTownshipFindings } from './list-findings';
import { presignInspectionPhoto } from './presign-inspection-photo';
import { recordInspection } from './record-inspection';

export const inspectionsImplementations: RouteImpls<typeof inspectionsRoutes, InspectionsPorts> = {
  listInspections: async ({ deps, principal }) => ({ status: 200, body: await listInspections(deps, principal) }),
  createInspectionDraft: async ({ deps, principal, allowed, body }) => ({
    status: 201,
    body: await createInspectionDraft(deps, principal, allowed, body.content),
  }),
  getInspectionDraft: async ({ deps, principal, params }) => ({
    status: 200,
    body: await getInspectionDraft(deps, principal, params.draftId),
  }),
  saveInspectionDraft: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await saveInspectionDraft(deps, principal, allowed, params.draftId, body.content, body.version),
  }),
  deleteInspectionDraft: async ({ deps, principal, params }) => ({
    status: 200,
    body: await deleteInspectionDraft(deps, principal, params.draftId),
  }),
  recordInspection: async ({ deps, principal, allowed, params, body }) => ({
    status: 201,
    body: await recordInspection(deps, principal, allowed, params.draftId, body.version),
  }),
  presignInspectionPhoto: async ({ deps, principal, allowed, body }) => ({
    status: 200,
    body: await presignInspectionPhoto(deps, principal, allowed, body),
  }),
  listBranchFindings: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await listBranchFindings(deps, principal, allowed, params.branchId),
  }),
  listTownshipFindings: async ({ deps, principal, allowed, params, query }) => ({
    status: 200,
    body: await listTownshipFindings(deps, principal, allowed, params.townshipId, query.status),
  }),
  getFinding: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await getFinding(deps, principal, allowed, params.findingId),
  }),
  actOnFinding: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await actOnFinding(deps, principal, allowed, params.findingId, body),
  }),
};
