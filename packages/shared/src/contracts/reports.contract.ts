import '../zod-config';
import { ADMIN_ROLES, OFFICIAL_ROLES } from '../enums';
import { ErrorBody } from '../errors';
import { defineRoute, rolesAccess } from '../route';
import { FileBody, PresignedUpload, TownshipPath } from './common.contract';
import {
  AddCommentBody,
  BranchCalendar,
  BranchReportsPath,
  CreateExemptionBody,
  DailyRules,
  DayQuery,
  DayRangeQuery,
  DistrictDayCompliance,
  Exemption,
  ExemptionList,
  ExemptionPath,
  MonthQuery,
  PresignPhotoBody,
  RemindBody,
  RemindResult,
  ReportComment,
  ReportDetail,
  ReportList,
  ReportPath,
  SubmitReportBody,
  SubmitReportResult,
  TownshipDayCompliance,
} from './reports.schemas';

/** Who files a branch's daily report. */
const FILERS = ['cadre', 'secretary'] as const;
/** Who reads daily reports (each within their scope). */
const REPORT_READERS = ['cadre', 'secretary', 'township_staff', 'inspector', 'leader', 'district_admin'] as const;
/** Who watches compliance across branches. */
const SUPERVISORS = ['township_staff', 'inspector', 'leader', 'district_admin'] as const;

/** 每日一报告: daily reports, compliance, the rules and exemptions, reminders and report photos. */
export const reportsRoutes = {
  submitReport: defineRoute({
    method: 'PUT',
    path: '/v1/branches/{branchId}/reports/{day}',
    summary: 'File (no expectedVersion) or edit (expectedVersion) the branch’s report for a day; idempotent by key',
    access: rolesAccess(...FILERS),
    params: ReportPath,
    body: SubmitReportBody,
    responses: { 200: SubmitReportResult, 201: SubmitReportResult, 409: ErrorBody },
  }),
  getReport: defineRoute({
    method: 'GET',
    path: '/v1/branches/{branchId}/reports/{day}',
    summary: 'One day’s report with its comments, edit history and photo URLs',
    access: rolesAccess(...REPORT_READERS),
    params: ReportPath,
    responses: { 200: ReportDetail },
  }),
  listReports: defineRoute({
    method: 'GET',
    path: '/v1/branches/{branchId}/reports',
    summary: 'A branch’s reports over a date range (at most 92 days)',
    access: rolesAccess(...REPORT_READERS),
    params: BranchReportsPath,
    query: DayRangeQuery,
    responses: { 200: ReportList },
  }),
  addReportComment: defineRoute({
    method: 'POST',
    path: '/v1/branches/{branchId}/reports/{day}/comments',
    summary: 'Leave a comment (批注) on a report; the branch’s cadres see it',
    access: rolesAccess('secretary', 'township_staff'),
    params: ReportPath,
    body: AddCommentBody,
    responses: { 201: ReportComment },
  }),
  getBranchCalendar: defineRoute({
    method: 'GET',
    path: '/v1/branches/{branchId}/calendar',
    summary: 'A branch’s month: each day on time, late, missing, exempt or upcoming',
    access: rolesAccess(...REPORT_READERS),
    params: BranchReportsPath,
    query: MonthQuery,
    responses: { 200: BranchCalendar },
  }),
  getTownshipCompliance: defineRoute({
    method: 'GET',
    path: '/v1/townships/{townshipId}/compliance',
    summary: 'One day, branch by branch: on time, late, missing or exempt',
    access: rolesAccess(...SUPERVISORS),
    params: TownshipPath,
    query: DayQuery,
    responses: { 200: TownshipDayCompliance },
  }),
  exportTownshipCompliance: defineRoute({
    method: 'GET',
    path: '/v1/townships/{townshipId}/compliance/export',
    summary: 'A township’s compliance over a date range as an XLSX workbook',
    access: rolesAccess(...SUPERVISORS),
    params: TownshipPath,
    query: DayRangeQuery,
    produces: 'xlsx',
    responses: { 200: FileBody },
  }),
  getDistrictCompliance: defineRoute({
    method: 'GET',
    path: '/v1/compliance',
    summary: 'One day: the submission rate of each township in the caller’s scope',
    access: rolesAccess('inspector', 'leader', 'district_admin'),
    query: DayQuery,
    responses: { 200: DistrictDayCompliance },
  }),
  remindMissing: defineRoute({
    method: 'POST',
    path: '/v1/townships/{townshipId}/reminders',
    summary: 'One tap: remind the cadres of every branch still missing today’s report',
    access: rolesAccess('township_staff', 'district_admin'),
    params: TownshipPath,
    body: RemindBody,
    responses: { 200: RemindResult },
  }),
  getDailyRules: defineRoute({
    method: 'GET',
    path: '/v1/daily-rules',
    summary: 'The district’s daily-report rules: deadline, backfill window, reminder time',
    access: rolesAccess(...OFFICIAL_ROLES),
    responses: { 200: DailyRules },
  }),
  putDailyRules: defineRoute({
    method: 'PUT',
    path: '/v1/daily-rules',
    summary: 'Change the district’s daily-report rules',
    access: rolesAccess('district_admin'),
    body: DailyRules,
    responses: { 200: DailyRules },
  }),
  listExemptions: defineRoute({
    method: 'GET',
    path: '/v1/exemptions',
    summary: 'Holidays, 调休 make-up working days and branch leave for a month',
    access: rolesAccess(...OFFICIAL_ROLES),
    query: MonthQuery,
    responses: { 200: ExemptionList },
  }),
  createExemption: defineRoute({
    method: 'POST',
    path: '/v1/exemptions',
    summary: 'A district holiday or 调休 make-up working day (district admin), or a branch’s leave day (its township staff)',
    access: rolesAccess(...ADMIN_ROLES),
    body: CreateExemptionBody,
    responses: { 201: Exemption, 409: ErrorBody },
  }),
  deleteExemption: defineRoute({
    method: 'DELETE',
    path: '/v1/exemptions/{exemptionId}',
    summary: 'Remove a holiday, make-up working day or leave day',
    access: rolesAccess(...ADMIN_ROLES),
    params: ExemptionPath,
    responses: { 200: Exemption },
  }),
  presignPhoto: defineRoute({
    method: 'POST',
    path: '/v1/uploads/photos',
    summary: 'A presigned POST for one report photo (or its thumbnail), with size and type enforced',
    access: rolesAccess(...FILERS),
    body: PresignPhotoBody,
    responses: { 200: PresignedUpload },
  }),
} as const;
