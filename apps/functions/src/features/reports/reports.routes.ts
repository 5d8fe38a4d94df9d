import type { reportsRoutes } from '@chuangxing/shared';
import type { RouteImpls } from '../../platform/http/route-context';
import { addReportComment } from './add-report-comment';
import { presentReport } from './daily-report';
import { exportTownshipCompliance } from './export-township-compliance';
import { getBranchCalendar } from './get-branch-calendar';
import { getDistrictCompliance } from './get-district-compliance';
import { getTownshipCompliance } from './get-township-compliance';
import { getDailyRules, putDailyRules } from './manage-daily-rules';
import { createExemption, deleteExemption, listExemptions } from './manage-exemptions';
import { presignPhoto } from './presign-photo';
import { getReportDetail, listBranchReports } from './read-reports';
import { listBranchFilers, remindMissing } from './remind-missing';
import type { ReportsPorts } from './reports.ports';
import { submitReport } from './submit-report';

export const reportsImplementations: RouteImpls<typeof reportsRoutes, ReportsPorts> = {
  submitReport: async ({ deps, principal, allowed, params, body }) => {
    const out = await submitReport(deps, principal, allowed, params.branchId, params.day, body);
    return { status: out.kind === 'created' ? 201 : 200, body: { report: presentReport(out.report), replayed: out.kind === 'replayed' } };
  },
  getReport: async ({ deps, principal, allowed, params }) => {
    const d = await getReportDetail(deps, principal, allowed, params.branchId, params.day);
    return { status: 200, body: { report: presentReport(d.report), comments: d.comments, revisions: d.revisions, photoUrls: d.photoUrls } };
  },
  listReports: async ({ deps, principal, allowed, params, query }) => {
    const reports = await listBranchReports(deps, principal, allowed, params.branchId, query.from, query.to);
    return {
      status: 200,
      body: {
        branchId: params.branchId,
        reports: reports.map((r) => ({
          day: r.day,
          status: r.status,
          itemCount: r.content.items.length,
          photoCount: r.content.photos.length,
          stars: [...new Set(r.content.items.map((i) => i.star))],
          submittedAt: r.submittedAt,
          version: r.version,
        })),
      },
    };
  },
  addReportComment: async ({ deps, principal, allowed, params, body }) => ({
    status: 201,
    body: await addReportComment(deps, principal, allowed, params.branchId, params.day, body.text),
  }),
  getBranchCalendar: async ({ deps, principal, allowed, params, query }) => ({
    status: 200,
    body: await getBranchCalendar(deps, principal, allowed, params.branchId, query.month),
  }),
  getTownshipCompliance: async ({ deps, principal, allowed, params, query }) => ({
    status: 200,
    body: await getTownshipCompliance(deps, principal, allowed, params.townshipId, query.day),
  }),
  /** The edge (api-app) sends `base64` as raw bytes with this content type and an attachment disposition. */
  exportTownshipCompliance: async ({ deps, principal, allowed, params, query }) => {
    const file = await exportTownshipCompliance(deps, principal, allowed, params.townshipId, query.from, query.to);
    return { status: 200, body: { filename: file.filename, contentType: file.contentType, base64: file.bytes.toString('base64') } };
  },
  getDistrictCompliance: async ({ deps, principal, allowed, query }) => ({
    status: 200,
    body: await getDistrictCompliance(deps, principal, allowed, query.day),
  }),
  listBranchFilers: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await listBranchFilers(deps, principal, allowed, params.townshipId),
  }),
  remindMissing: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await remindMissing(deps, principal, allowed, params.townshipId, body.day),
  }),
  getDailyRules: async ({ deps }) => ({ status: 200, body: await getDailyRules(deps) }),
  putDailyRules: async ({ deps, principal, allowed, body }) => ({ status: 200, body: await putDailyRules(deps, principal, allowed, body) }),
  listExemptions: async ({ deps, principal, allowed, query }) => ({
    status: 200,
    body: { exemptions: await listExemptions(deps, principal, allowed, query.month) },
  }),
  createExemption: async ({ deps, principal, allowed, body }) => ({
    status: 201,
    body: await createExemption(deps, principal, allowed, body),
  }),
  deleteExemption: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await deleteExemption(deps, principal, allowed, params.exemptionId),
  }),
  presignPhoto: async ({ deps, principal, allowed, body }) => ({ status: 200, body: await presignPhoto(deps, principal, allowed, body) }),
};
