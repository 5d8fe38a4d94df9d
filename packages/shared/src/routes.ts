import './zod-config';
import * as z from 'zod/mini';
import { ErrorBody } from './errors';
import { commonErrors, defineRoute, publicAccess, rolesAccess } from './route';
import { OFFICIAL_ROLES, ROLES } from './enums';
import { DevLoginBody, DevUserList, Me, Session, WechatLoginBody } from './contracts/auth.contract';
import {
  BranchDetail,
  BranchPath,
  CreateBranchBody,
  OrgTree,
  RenameBranchBody,
  TownshipBranches,
  TownshipPath,
} from './contracts/org.contract';
import {
  BindingList,
  BindingPath,
  BindingQuery,
  CreateInvitationBody,
  CreatedInvitation,
  InvitationList,
  InvitationQuery,
  RedeemInvitationBody,
  RedeemedInvitation,
  RevokedBinding,
} from './contracts/invitation.contract';

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
  RemindBody,
  RemindResult,
  ReportComment,
  ReportDetail,
  ReportList,
  ReportPath,
  SubmitReportBody,
  SubmitReportResult,
  TownshipDayCompliance,
} from './contracts/daily-report.contract';
import { PresignPhotoBody, PresignedUpload } from './contracts/upload.contract';
import {
  CaseQueue,
  CaseQueueQuery,
  CaseResult,
  LetterActionBody,
  LetterPath,
  LetterTracking,
  MyLetterList,
  MyLetterResult,
  QueryCodePath,
  RateLetterBody,
  WriteLetterBody,
  WrittenLetter,
} from './contracts/letter.contract';

const Health = z.object({ status: z.literal('ok'), time: z.string() });
const OpenApiDocument = z.record(z.string(), z.unknown());

const ADMINS = ['district_admin', 'township_staff'] as const;
/** Who files a branch's daily report. */
const FILERS = ['cadre', 'secretary'] as const;
/** Who reads daily reports (each within their scope). */
const REPORT_READERS = ['cadre', 'secretary', 'township_staff', 'inspector', 'leader', 'district_admin'] as const;
/** Who watches compliance across branches. */
const SUPERVISORS = ['township_staff', 'inspector', 'leader', 'district_admin'] as const;
/** Who handles letters: the community's station, and the township's supervisors for 廉情 letters. */
const LETTER_HANDLERS = ['station_handler', 'inspector'] as const;
/** Who may read a case: the handlers, plus township staff and district admins for oversight (督办). */
const LETTER_READERS = ['station_handler', 'inspector', 'township_staff', 'district_admin'] as const;
const Outbox = z.object({
  messages: z.array(
    z.object({ id: z.string(), channel: z.string(), recipientUserId: z.string(), recipientName: z.string(), title: z.string(), body: z.string(), createdAt: z.string() }),
  ),
});
/** A file download; the edge sends the bytes with this content type instead of JSON. */
export const FileBody = z.object({ filename: z.string(), contentType: z.string(), base64: z.string() });

/** Every route of the API. The server registers exactly these; the client and OpenAPI derive from them. */
export const routes = {
  health: defineRoute({
    method: 'GET',
    path: '/health',
    summary: 'Liveness probe',
    access: publicAccess,
    responses: { 200: Health },
  }),
  getOpenApi: defineRoute({
    method: 'GET',
    path: '/v1/openapi.json',
    summary: 'This API as an OpenAPI 3.1 document',
    access: publicAccess,
    responses: { 200: OpenApiDocument },
  }),
  loginWithWechat: defineRoute({
    method: 'POST',
    path: '/v1/auth/wechat',
    summary: 'Exchange a wx.login code for an API token (code2session on the server)',
    access: publicAccess,
    body: WechatLoginBody,
    responses: { 200: Session, 400: ErrorBody, 401: ErrorBody, 502: ErrorBody },
  }),
  listDevUsers: defineRoute({
    method: 'GET',
    path: '/v1/auth/dev-users',
    summary: 'Local mode only: the seeded demo users',
    access: publicAccess,
    localOnly: true,
    responses: { 200: DevUserList, 404: ErrorBody },
  }),
  devLogin: defineRoute({
    method: 'POST',
    path: '/v1/auth/dev-login',
    summary: 'Local mode only: a token for a demo user',
    access: publicAccess,
    localOnly: true,
    body: DevLoginBody,
    responses: { 200: Session, 400: ErrorBody, 404: ErrorBody },
  }),
  getMe: defineRoute({
    method: 'GET',
    path: '/v1/me',
    summary: 'The caller: profile, roles and bindings',
    access: rolesAccess(...ROLES),
    responses: { 200: Me, ...commonErrors },
  }),
  getOrgTree: defineRoute({
    method: 'GET',
    path: '/v1/org/tree',
    summary: 'The district and the townships in the caller’s scope, with branch counts',
    access: rolesAccess(...OFFICIAL_ROLES),
    responses: { 200: OrgTree, ...commonErrors },
  }),
  listTownshipBranches: defineRoute({
    method: 'GET',
    path: '/v1/org/townships/{townshipId}/branches',
    summary: 'The branches of one township in the caller’s scope',
    access: rolesAccess(...OFFICIAL_ROLES),
    params: TownshipPath,
    responses: { 200: TownshipBranches, ...commonErrors },
  }),
  createBranch: defineRoute({
    method: 'POST',
    path: '/v1/org/townships/{townshipId}/branches',
    summary: 'Create a branch in a township',
    access: rolesAccess(...ADMINS),
    params: TownshipPath,
    body: CreateBranchBody,
    responses: { 201: BranchDetail, ...commonErrors, 409: ErrorBody },
  }),
  getBranch: defineRoute({
    method: 'GET',
    path: '/v1/org/branches/{branchId}',
    summary: 'One branch with its star set',
    access: rolesAccess(...OFFICIAL_ROLES),
    params: BranchPath,
    responses: { 200: BranchDetail, ...commonErrors },
  }),
  renameBranch: defineRoute({
    // PUT, not PATCH: wx.request has no PATCH.
    method: 'PUT',
    path: '/v1/org/branches/{branchId}',
    summary: 'Rename a branch (optimistic concurrency on version)',
    access: rolesAccess(...ADMINS),
    params: BranchPath,
    body: RenameBranchBody,
    responses: { 200: BranchDetail, ...commonErrors, 409: ErrorBody },
  }),
  createInvitation: defineRoute({
    method: 'POST',
    path: '/v1/invitations',
    summary: 'Invite a person to a role and scope; returns a one-time code',
    access: rolesAccess(...ADMINS),
    body: CreateInvitationBody,
    responses: { 201: CreatedInvitation, ...commonErrors },
  }),
  listInvitations: defineRoute({
    method: 'GET',
    path: '/v1/invitations',
    summary: 'Invitations in the caller’s scope, newest first',
    access: rolesAccess(...ADMINS),
    query: InvitationQuery,
    responses: { 200: InvitationList, ...commonErrors },
  }),
  redeemInvitation: defineRoute({
    method: 'POST',
    path: '/v1/invitations/redeem',
    summary: 'Bind the caller’s account with a one-time invitation code',
    access: rolesAccess(...ROLES),
    body: RedeemInvitationBody,
    responses: { 200: RedeemedInvitation, ...commonErrors, 409: ErrorBody, 410: ErrorBody },
  }),
  listBindings: defineRoute({
    method: 'GET',
    path: '/v1/bindings',
    summary: 'Active role bindings in the caller’s scope',
    access: rolesAccess(...ADMINS),
    query: BindingQuery,
    responses: { 200: BindingList, ...commonErrors },
  }),
  revokeBinding: defineRoute({
    method: 'DELETE',
    path: '/v1/users/{userId}/bindings/{bindingId}',
    summary: 'Revoke a role binding',
    access: rolesAccess(...ADMINS),
    params: BindingPath,
    responses: { 200: RevokedBinding, ...commonErrors, 409: ErrorBody },
  }),
  submitReport: defineRoute({
    method: 'PUT',
    path: '/v1/branches/{branchId}/reports/{day}',
    summary: 'File (no expectedVersion) or edit (expectedVersion) the branch’s report for a day; idempotent by key',
    access: rolesAccess(...FILERS),
    params: ReportPath,
    body: SubmitReportBody,
    responses: { 200: SubmitReportResult, 201: SubmitReportResult, ...commonErrors, 409: ErrorBody },
  }),
  getReport: defineRoute({
    method: 'GET',
    path: '/v1/branches/{branchId}/reports/{day}',
    summary: 'One day’s report with its comments, edit history and photo URLs',
    access: rolesAccess(...REPORT_READERS),
    params: ReportPath,
    responses: { 200: ReportDetail, ...commonErrors },
  }),
  listReports: defineRoute({
    method: 'GET',
    path: '/v1/branches/{branchId}/reports',
    summary: 'A branch’s reports over a date range (at most 92 days)',
    access: rolesAccess(...REPORT_READERS),
    params: BranchReportsPath,
    query: DayRangeQuery,
    responses: { 200: ReportList, ...commonErrors },
  }),
  addReportComment: defineRoute({
    method: 'POST',
    path: '/v1/branches/{branchId}/reports/{day}/comments',
    summary: 'Leave a comment (批注) on a report; the branch’s cadres see it',
    access: rolesAccess('secretary', 'township_staff'),
    params: ReportPath,
    body: AddCommentBody,
    responses: { 201: ReportComment, ...commonErrors },
  }),
  getBranchCalendar: defineRoute({
    method: 'GET',
    path: '/v1/branches/{branchId}/calendar',
    summary: 'A branch’s month: each day on time, late, missing, exempt or upcoming',
    access: rolesAccess(...REPORT_READERS),
    params: BranchReportsPath,
    query: MonthQuery,
    responses: { 200: BranchCalendar, ...commonErrors },
  }),
  getTownshipCompliance: defineRoute({
    method: 'GET',
    path: '/v1/townships/{townshipId}/compliance',
    summary: 'One day, branch by branch: on time, late, missing or exempt',
    access: rolesAccess(...SUPERVISORS),
    params: TownshipPath,
    query: DayQuery,
    responses: { 200: TownshipDayCompliance, ...commonErrors },
  }),
  exportTownshipCompliance: defineRoute({
    method: 'GET',
    path: '/v1/townships/{townshipId}/compliance/export',
    summary: 'A township’s compliance over a date range as an XLSX workbook',
    access: rolesAccess(...SUPERVISORS),
    params: TownshipPath,
    query: DayRangeQuery,
    produces: 'file',
    responses: { 200: FileBody, ...commonErrors },
  }),
  getDistrictCompliance: defineRoute({
    method: 'GET',
    path: '/v1/compliance',
    summary: 'One day: the submission rate of each township in the caller’s scope',
    access: rolesAccess('inspector', 'leader', 'district_admin'),
    query: DayQuery,
    responses: { 200: DistrictDayCompliance, ...commonErrors },
  }),
  remindMissing: defineRoute({
    method: 'POST',
    path: '/v1/townships/{townshipId}/reminders',
    summary: 'One tap: remind the cadres of every branch still missing today’s report',
    access: rolesAccess('township_staff', 'district_admin'),
    params: TownshipPath,
    body: RemindBody,
    responses: { 200: RemindResult, ...commonErrors },
  }),
  getDailyRules: defineRoute({
    method: 'GET',
    path: '/v1/daily-rules',
    summary: 'The district’s daily-report rules: deadline, backfill window, reminder time',
    access: rolesAccess(...OFFICIAL_ROLES),
    responses: { 200: DailyRules, ...commonErrors },
  }),
  putDailyRules: defineRoute({
    method: 'PUT',
    path: '/v1/daily-rules',
    summary: 'Change the district’s daily-report rules',
    access: rolesAccess('district_admin'),
    body: DailyRules,
    responses: { 200: DailyRules, ...commonErrors },
  }),
  listExemptions: defineRoute({
    method: 'GET',
    path: '/v1/exemptions',
    summary: 'Holidays and branch leave for a month',
    access: rolesAccess(...OFFICIAL_ROLES),
    query: MonthQuery,
    responses: { 200: ExemptionList, ...commonErrors },
  }),
  createExemption: defineRoute({
    method: 'POST',
    path: '/v1/exemptions',
    summary: 'A district holiday (district admin) or a branch’s leave day (its township staff)',
    access: rolesAccess(...ADMINS),
    body: CreateExemptionBody,
    responses: { 201: Exemption, ...commonErrors, 409: ErrorBody },
  }),
  deleteExemption: defineRoute({
    method: 'DELETE',
    path: '/v1/exemptions/{exemptionId}',
    summary: 'Remove a holiday or leave day',
    access: rolesAccess(...ADMINS),
    params: ExemptionPath,
    responses: { 200: Exemption, ...commonErrors },
  }),
  presignPhoto: defineRoute({
    method: 'POST',
    path: '/v1/uploads/photos',
    summary: 'A presigned POST for one report photo (or its thumbnail), with size and type enforced',
    access: rolesAccess(...FILERS),
    body: PresignPhotoBody,
    responses: { 200: PresignedUpload, ...commonErrors },
  }),
  writeLetter: defineRoute({
    unloggedCaller: true,
    method: 'POST',
    path: '/v1/letters',
    summary: '清风邮局: a resident writes to a community, named or anonymous; returns the query code',
    access: rolesAccess(...ROLES),
    body: WriteLetterBody,
    responses: { 200: WrittenLetter, 201: WrittenLetter, ...commonErrors, 429: ErrorBody },
  }),
  listMyLetters: defineRoute({
    unloggedCaller: true,
    method: 'GET',
    path: '/v1/letters/mine',
    summary: 'The caller’s own letters with their timelines (我的信件)',
    access: rolesAccess(...ROLES),
    responses: { 200: MyLetterList, ...commonErrors },
  }),
  rateLetter: defineRoute({
    unloggedCaller: true,
    method: 'POST',
    path: '/v1/letters/mine/{letterId}/rating',
    summary: 'The writer rates the reply; 不满意 reopens the letter once for review (复核)',
    access: rolesAccess(...ROLES),
    params: LetterPath,
    body: RateLetterBody,
    responses: { 200: MyLetterResult, ...commonErrors, 409: ErrorBody },
  }),
  trackLetter: defineRoute({
    unloggedCaller: true,
    method: 'GET',
    path: '/v1/letters/track/{code}',
    summary: 'Progress of a letter by its query code (查询码): status and public timeline only',
    access: rolesAccess(...ROLES),
    params: QueryCodePath,
    responses: { 200: LetterTracking, ...commonErrors },
  }),
  listCases: defineRoute({
    method: 'GET',
    path: '/v1/letters/cases',
    summary: 'The letters the caller handles or oversees (民情气象站), open or closed',
    access: rolesAccess(...LETTER_READERS),
    query: CaseQueueQuery,
    responses: { 200: CaseQueue, ...commonErrors },
  }),
  getCase: defineRoute({
    method: 'GET',
    path: '/v1/letters/cases/{letterId}',
    summary: 'One letter as its handlers see it: never the writer’s account',
    access: rolesAccess(...LETTER_READERS),
    params: LetterPath,
    responses: { 200: CaseResult, ...commonErrors },
  }),
  actOnCase: defineRoute({
    method: 'POST',
    path: '/v1/letters/cases/{letterId}/actions',
    summary: 'Accept, decline, transfer, note or reply; guarded by the state machine and the version',
    access: rolesAccess(...LETTER_HANDLERS),
    params: LetterPath,
    body: LetterActionBody,
    responses: { 200: CaseResult, ...commonErrors, 409: ErrorBody },
  }),
  listOutbox: defineRoute({
    method: 'GET',
    path: '/v1/dev/outbox',
    summary: 'Local mode only: notifications the local notifier would have sent',
    access: publicAccess,
    localOnly: true,
    responses: { 200: Outbox, 404: ErrorBody },
  }),
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
