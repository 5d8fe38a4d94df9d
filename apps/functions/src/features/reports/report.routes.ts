import type { Routes } from '@chuangxing/shared';
import type { RouteImpl } from '../../platform/http/route-context';
import { getBranchCalendar as calendarUseCase } from './branch-calendar';
import type { DailyReport } from './daily-report';
import { addReportComment as commentUseCase, getReportDetail, listBranchReports } from './read-reports';
import { submitReport as submitUseCase } from './submit-report';

/** The stored report minus its internal bookkeeping. */
export function presentReport(r: DailyReport) {
  const { lastIdempotencyKey: _key, districtId: _district, ...rest } = r;
  return rest;
}

export const submitReport: RouteImpl<Routes['submitReport']> = async ({ deps, principal, allowed, params, body }) => {
  const out = await submitUseCase(deps, principal, allowed, params.branchId, params.day, body);
  return { status: out.kind === 'created' ? 201 : 200, body: { report: presentReport(out.report), replayed: out.kind === 'replayed' } };
};

export const getReport: RouteImpl<Routes['getReport']> = async ({ deps, principal, allowed, params }) => {
  const d = await getReportDetail(deps, principal, allowed, params.branchId, params.day);
  return { status: 200, body: { report: presentReport(d.report), comments: d.comments, revisions: d.revisions, photoUrls: d.photoUrls } };
};

export const listReports: RouteImpl<Routes['listReports']> = async ({ deps, principal, allowed, params, query }) => {
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
};

export const addReportComment: RouteImpl<Routes['addReportComment']> = async ({ deps, principal, allowed, params, body }) => ({
  status: 201,
  body: await commentUseCase(deps, principal, allowed, params.branchId, params.day, body.text),
});

export const getBranchCalendar: RouteImpl<Routes['getBranchCalendar']> = async ({ deps, principal, allowed, params, query }) => ({
  status: 200,
  body: await calendarUseCase(deps, principal, allowed, params.branchId, query.month),
});
