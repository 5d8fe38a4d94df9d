import '../zod-config';
import * as z from 'zod/mini';
import { ROLES, Star } from '../enums';
import { ErrorBody } from '../errors';
import { defineRoute, rolesAccess } from '../route';
import { BranchPath, ClientKey, DayKey, Id, IsoDateTime, PHOTO_CONTENT_TYPES, PresignedUpload, UPLOAD_LIMITS } from './common.contract';
import {
  AnnualStarReview,
  AnnualStarReviewBranchPath,
  AnnualStarReviewPath,
  BranchHeldStars,
  DecideAnnualStarReviewBody,
  DecideStarWithdrawalBody,
  FileStarObjectionBody,
  MyStarObjection,
  MyStarObjections,
  OpenStarWithdrawalBody,
  PutStarRulesBody,
  PutStarTaskforcesBody,
  RecordBaselineStarsBody,
  ResolveStarObjectionBody,
  StarApplicationEvent,
  StarObjectionList,
  StarObjectionPath,
  StarRules,
  StarTaskforceBoard,
  StarTaskforcePath,
  StarTaskforces,
  StarWithdrawal,
  StarWithdrawalList,
  StarWithdrawalNotice,
  StarWithdrawalPath,
  StarWithdrawalQuery,
} from './stars.schemas';
import { userText } from './user-text';

/**
 * 创星申报 and 评星定级: a branch's secretary checks the branch against every key task and veto item of one star
 * in the catalogue in force and applies; the township checks first (初审), the district's 专班 reviews (复审), the
 * result is published (公示) for a number of working days, and only then is the star awarded (授星).
 */
export const STAR_APPLICATION_LIMITS = { items: 60, photosPerItem: 6, note: 300, reason: 200 } as const;

/** `stopped`: an objection raised in 公示 was upheld, and the star is not awarded. */
export const STAR_APPLICATION_STATUSES = ['township_review', 'returned', 'district_review', 'publicity', 'awarded', 'stopped'] as const;
export const StarApplicationStatus = z.enum(STAR_APPLICATION_STATUSES);
export type StarApplicationStatus = z.infer<typeof StarApplicationStatus>;
export const STAR_APPLICATION_STATUS_LABELS: Record<StarApplicationStatus, string> = {
  township_review: '待乡镇初审',
  returned: '已退回',
  district_review: '待区级复审',
  publicity: '公示中',
  awarded: '已授星',
  stopped: '异议成立，终止授星',
};

/** Evidence photos sit under the branch: `star-evidence/{branchId}/{ulid}.jpg`. */
export const StarEvidenceKey = z
  .string()
  .check(z.regex(/^star-evidence\/[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9]{10,40}\.(jpg|png|webp)$/, '照片编号无效'));

// Typed text goes through userText, so the OpenAPI document states exactly what is accepted.
const Text = (max: number) => userText({ max, multiline: true });
const Required = (max: number, empty: string) => userText({ min: 1, max, empty, multiline: true });
const Version = z.int().check(z.minimum(1));

export const STAR_ITEM_KINDS = ['task', 'veto'] as const;
export const StarItemKind = z.enum(STAR_ITEM_KINDS);
export type StarItemKind = z.infer<typeof StarItemKind>;

/**
 * The self-assessment of one catalogue item. `met`: a key task reaches its standard, or a veto item (一票否决)
 * is not triggered.
 */
export const StarAssessmentInput = z.strictObject({
  itemId: Id,
  kind: StarItemKind,
  met: z.boolean(),
  note: Text(STAR_APPLICATION_LIMITS.note),
  photos: z._default(
    z.array(StarEvidenceKey).check(z.maxLength(STAR_APPLICATION_LIMITS.photosPerItem, `最多 ${STAR_APPLICATION_LIMITS.photosPerItem} 张`)),
    [],
  ),
});
export type StarAssessmentInput = z.infer<typeof StarAssessmentInput>;

const Assessment = z
  .array(StarAssessmentInput)
  .check(z.minLength(1, '请逐条对照标准自评'), z.maxLength(STAR_APPLICATION_LIMITS.items, `最多 ${STAR_APPLICATION_LIMITS.items} 项`));

export const ApplyForStarBody = z.strictObject({
  star: Star,
  /** Chosen by the client once per application: a retried submit lands on the same application. */
  clientKey: ClientKey,
  /** Every key task and veto item of the star in the catalogue in force, each exactly once. */
  items: Assessment,
});
export type ApplyForStarBody = z.infer<typeof ApplyForStarBody>;

export const ResubmitStarApplicationBody = z.strictObject({ version: Version, items: Assessment });
export type ResubmitStarApplicationBody = z.infer<typeof ResubmitStarApplicationBody>;

export const StarReturnReason = z.strictObject({ itemId: Id, reason: Required(STAR_APPLICATION_LIMITS.reason, '请填写退回原因') });

/**
 * 初审 (township) and 复审 (district) approve or return with a reason per item; after 公示 the district awards.
 * Every decision names the version it saw: of two reviewers deciding at once, one wins and the other gets 409.
 */
export const StarDecisionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('approve'), version: Version, note: z._default(Text(STAR_APPLICATION_LIMITS.note), '') }),
  z.strictObject({
    action: z.literal('return'),
    version: Version,
    reasons: z.array(StarReturnReason).check(z.minLength(1, '请至少对一项写明退回原因'), z.maxLength(STAR_APPLICATION_LIMITS.items)),
    note: z._default(Text(STAR_APPLICATION_LIMITS.note), ''),
  }),
  z.strictObject({ action: z.literal('award'), version: Version }),
]);
export type StarDecisionBody = z.infer<typeof StarDecisionBody>;
export const STAR_DECISIONS = ['approve', 'return', 'award'] as const;
export type StarDecision = (typeof STAR_DECISIONS)[number];

export const StarAssessmentItem = z.object({
  itemId: Id,
  kind: StarItemKind,
  /** The task's title or the veto item's text, as the catalogue version applied against says. */
  title: z.string(),
  met: z.boolean(),
  note: z.string(),
  photos: z.array(StarEvidenceKey),
  photoUrls: z.array(z.string()),
  /** The reason of the last 退回 that named this item. */
  returnReason: z.optional(z.string()),
});
export type StarAssessmentItem = z.infer<typeof StarAssessmentItem>;

export const StarApplicationSummary = z.object({
  id: Id,
  branchId: Id,
  branchName: z.string(),
  townshipId: Id,
  star: Star,
  status: StarApplicationStatus,
  catalogueVersion: z.int(),
  /** Items self-assessed as met, of all items. */
  met: z.int(),
  total: z.int(),
  version: z.int(),
  submittedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** 公示: the first and last day (Asia/Shanghai), working days only counted. */
  publicityFrom: z.optional(DayKey),
  publicityUntil: z.optional(DayKey),
  awardedAt: z.optional(IsoDateTime),
  /** Objections raised in 公示 and not yet resolved: 授星 waits for every one (a count only, nobody's identity). */
  openObjections: z.optional(z.int()),
});
export type StarApplicationSummary = z.infer<typeof StarApplicationSummary>;

export const StarApplicationDetail = z.object({
  application: StarApplicationSummary,
  items: z.array(StarAssessmentItem),
  /** Oldest first: every step with who took it and why. */
  history: z.array(StarApplicationEvent),
  /** What the caller may do now. */
  actions: z.array(z.enum(['resubmit', ...STAR_DECISIONS])),
  /**
   * The caller oversees the branch for this star (township staff covering it, leaders covering it, the district, the
   * star's 专班): they may read the review context (star-review contract, served apart to keep this function small).
   */
  canReadContext: z.boolean(),
});
export type StarApplicationDetail = z.infer<typeof StarApplicationDetail>;

export const BranchStarApplications = z.object({
  branchId: Id,
  branchName: z.string(),
  applications: z.array(StarApplicationSummary),
});
export type BranchStarApplications = z.infer<typeof BranchStarApplications>;

export const STAR_REVIEW_STAGES = ['township', 'district', 'publicity'] as const;
export const StarReviewStage = z.enum(STAR_REVIEW_STAGES);
export type StarReviewStage = z.infer<typeof StarReviewStage>;
export const StarReviewQueueQuery = z.strictObject({ stage: StarReviewStage });
export const StarReviewQueue = z.object({ stage: StarReviewStage, applications: z.array(StarApplicationSummary) });
export type StarReviewQueue = z.infer<typeof StarReviewQueue>;

export const StarApplicationPath = z.strictObject({ applicationId: Id });

export const PresignStarEvidenceBody = z.strictObject({
  branchId: Id,
  contentType: z.enum(PHOTO_CONTENT_TYPES),
  size: z.int().check(z.minimum(1), z.maximum(UPLOAD_LIMITS.photo)),
});
export type PresignStarEvidenceBody = z.infer<typeof PresignStarEvidenceBody>;

/** 公示 board: every award in progress (summaries only, no self-assessment or evidence) and every 撤星 in its 公示. */
export const StarPublicityBoard = z.object({ applications: z.array(StarApplicationSummary), withdrawals: z.array(StarWithdrawalNotice) });
export type StarPublicityBoard = z.infer<typeof StarPublicityBoard>;

/* ---------- routes ---------- */

const READERS = ['cadre', 'secretary', 'township_staff', 'leader', 'district_admin'] as const;

/** 创星申报 and its review path. */
export const starsRoutes = {
  applyForStar: defineRoute({
    method: 'POST',
    path: '/v1/branches/{branchId}/star-applications',
    summary: '创星申报: the secretary self-assesses every key task and veto item of one star (catalogue in force) and applies',
    access: rolesAccess('secretary'),
    params: BranchPath,
    body: ApplyForStarBody,
    responses: { 201: StarApplicationDetail, 409: ErrorBody },
  }),
  listBranchStarApplications: defineRoute({
    method: 'GET',
    path: '/v1/branches/{branchId}/star-applications',
    summary: 'A branch’s star applications with their status',
    access: rolesAccess(...READERS),
    params: BranchPath,
    responses: { 200: BranchStarApplications },
  }),
  listStarReviewQueue: defineRoute({
    method: 'GET',
    path: '/v1/star-applications',
    summary: 'Applications at a stage (初审, 复审 or 公示) within the caller’s scope (a 专班: its star across the district)',
    access: rolesAccess('township_staff', 'taskforce', 'leader', 'district_admin'),
    query: StarReviewQueueQuery,
    responses: { 200: StarReviewQueue },
  }),
  getStarApplication: defineRoute({
    method: 'GET',
    path: '/v1/star-applications/{applicationId}',
    summary:
      'An application: the self-assessment with evidence, its history, the caller’s moves and whether they may read its review context',
    access: rolesAccess(...READERS, 'taskforce'),
    params: StarApplicationPath,
    responses: { 200: StarApplicationDetail },
  }),
  resubmitStarApplication: defineRoute({
    method: 'PUT',
    path: '/v1/star-applications/{applicationId}',
    summary: 'After a 退回, the secretary revises the self-assessment and submits again to the township (versioned)',
    access: rolesAccess('secretary'),
    params: StarApplicationPath,
    body: ResubmitStarApplicationBody,
    responses: { 200: StarApplicationDetail, 409: ErrorBody },
  }),
  decideStarApplication: defineRoute({
    method: 'POST',
    path: '/v1/star-applications/{applicationId}/decisions',
    summary:
      '初审 by the township, 复审 by the star’s 专班 or the district (approve → 公示, or return with reasons), 授星 once 公示 has ended',
    access: rolesAccess('township_staff', 'taskforce', 'district_admin'),
    params: StarApplicationPath,
    body: StarDecisionBody,
    responses: { 200: StarApplicationDetail, 409: ErrorBody },
  }),
  getStarRules: defineRoute({
    method: 'GET',
    path: '/v1/star-rules',
    summary: 'The district’s 评星定级 settings (公示 working days)',
    access: rolesAccess('township_staff', 'taskforce', 'leader', 'district_admin'),
    responses: { 200: StarRules },
  }),
  putStarRules: defineRoute({
    method: 'PUT',
    path: '/v1/star-rules',
    summary: 'Set how many working days 公示 lasts (district admin; versioned), for approvals from now on',
    access: rolesAccess('district_admin'),
    body: PutStarRulesBody,
    responses: { 200: StarRules, 409: ErrorBody },
  }),
  getStarPublicityBoard: defineRoute({
    method: 'GET',
    path: '/v1/star-publicity',
    summary: '公示 board: the district’s awards in 公示 (every official in the district)',
    access: rolesAccess('cadre', 'secretary', 'township_staff', 'inspector', 'station_handler', 'taskforce', 'leader', 'district_admin'),
    responses: { 200: StarPublicityBoard },
  }),
  presignStarEvidence: defineRoute({
    method: 'POST',
    path: '/v1/uploads/star-evidence',
    summary: 'A presigned POST for one evidence photo of the secretary’s own branch, ≤ 2 MB',
    access: rolesAccess('secretary'),
    body: PresignStarEvidenceBody,
    responses: { 200: PresignedUpload },
  }),
  getBranchStarPublicity: defineRoute({
    // Reading a community's 公示 is what an objector does first: who read it is not logged either.
    unloggedCaller: true,
    method: 'GET',
    path: '/v1/branches/{branchId}/star-publicity',
    summary: '公示 of one community: its awards in 公示, for its residents (anyone who chooses the community, as for letters)',
    access: rolesAccess(...ROLES),
    params: BranchPath,
    responses: { 200: StarPublicityBoard },
  }),
  fileStarObjection: defineRoute({
    unloggedCaller: true,
    method: 'POST',
    path: '/v1/star-applications/{applicationId}/objections',
    summary: '公示异议: anyone objects to an award in 公示, named or anonymously (the objector is sealed as a letter writer)',
    access: rolesAccess(...ROLES),
    params: StarApplicationPath,
    body: FileStarObjectionBody,
    responses: { 201: MyStarObjection, 409: ErrorBody },
  }),
  listMyStarObjections: defineRoute({
    unloggedCaller: true,
    method: 'GET',
    path: '/v1/star-objections/mine',
    summary: 'The caller’s own 公示 objections with their outcome',
    access: rolesAccess(...ROLES),
    responses: { 200: MyStarObjections },
  }),
  listStarObjections: defineRoute({
    method: 'GET',
    path: '/v1/star-applications/{applicationId}/objections',
    summary: 'The objections raised against an award in 公示 (district reviewers and the star’s 专班; anonymous objectors unnamed)',
    access: rolesAccess('taskforce', 'district_admin'),
    params: StarApplicationPath,
    responses: { 200: StarObjectionList },
  }),
  resolveStarObjection: defineRoute({
    method: 'POST',
    path: '/v1/star-applications/{applicationId}/objections/{objectionId}/resolution',
    summary: 'The district upholds an objection (the award stops) or dismisses it with a reason (versioned)',
    access: rolesAccess('district_admin'),
    params: StarObjectionPath,
    body: ResolveStarObjectionBody,
    responses: { 200: StarObjectionList, 409: ErrorBody },
  }),
  getBranchHeldStars: defineRoute({
    method: 'GET',
    path: '/v1/branches/{branchId}/stars',
    summary: 'The stars a branch holds (its level) and has lost, with their dates (anyone in the district, as its 公示)',
    access: rolesAccess(...ROLES),
    params: BranchPath,
    responses: { 200: BranchHeldStars },
  }),
  recordBaselineStars: defineRoute({
    method: 'PUT',
    path: '/v1/branches/{branchId}/baseline-stars',
    summary: 'The stars a branch held at the campaign start (district admin; once, before any award; a repeat is a no-op)',
    access: rolesAccess('district_admin'),
    params: BranchPath,
    body: RecordBaselineStarsBody,
    responses: { 200: BranchHeldStars, 409: ErrorBody },
  }),
  openStarWithdrawal: defineRoute({
    method: 'POST',
    path: '/v1/star-withdrawals',
    summary: '撤星: a recorded finding, or a 廉情 case found 属实, naming a veto item of a held star opens a withdrawal (one per source)',
    access: rolesAccess('inspector', 'discipline', 'district_admin'),
    body: OpenStarWithdrawalBody,
    responses: { 201: StarWithdrawal, 200: StarWithdrawal, 409: ErrorBody },
  }),
  listStarWithdrawals: defineRoute({
    method: 'GET',
    path: '/v1/star-withdrawals',
    summary: 'Withdrawals in a status, for the district reviewers',
    access: rolesAccess('district_admin'),
    query: StarWithdrawalQuery,
    responses: { 200: StarWithdrawalList },
  }),
  decideStarWithdrawal: defineRoute({
    method: 'POST',
    path: '/v1/star-withdrawals/{withdrawalId}/decision',
    summary: 'The district confirms a withdrawal (the star is no longer held; published) or rejects it, with a reason (versioned)',
    access: rolesAccess('district_admin'),
    params: StarWithdrawalPath,
    body: DecideStarWithdrawalBody,
    responses: { 200: StarWithdrawal, 409: ErrorBody },
  }),
  getAnnualStarReview: defineRoute({
    method: 'GET',
    path: '/v1/star-reviews/{year}',
    summary: 'The annual 评星定级: every branch holding stars, with the district’s decision for the year',
    access: rolesAccess('district_admin'),
    params: AnnualStarReviewPath,
    responses: { 200: AnnualStarReview },
  }),
  decideAnnualStarReview: defineRoute({
    method: 'POST',
    path: '/v1/star-reviews/{year}/branches/{branchId}',
    summary: 'From the annual date, the district confirms or lowers (降星) a branch’s stars, once per year, with a reason',
    access: rolesAccess('district_admin'),
    params: AnnualStarReviewBranchPath,
    body: DecideAnnualStarReviewBody,
    responses: { 200: BranchHeldStars, 409: ErrorBody },
  }),
  /* 专班: which department owns each star, and a star's progress board */
  getStarTaskforces: defineRoute({
    method: 'GET',
    path: '/v1/star-taskforces',
    summary: '专班: which functional department owns each star',
    access: rolesAccess('township_staff', 'taskforce', 'leader', 'district_admin'),
    responses: { 200: StarTaskforces },
  }),
  putStarTaskforces: defineRoute({
    method: 'PUT',
    path: '/v1/star-taskforces',
    summary: 'Assign every star its 专班 department (district admin; versioned)',
    access: rolesAccess('district_admin'),
    body: PutStarTaskforcesBody,
    responses: { 200: StarTaskforces, 409: ErrorBody },
  }),
  getStarTaskforceBoard: defineRoute({
    method: 'GET',
    path: '/v1/star-taskforces/{star}/board',
    summary: 'A star’s progress board per township: branches holding it, applications by status, open and overdue findings',
    access: rolesAccess('taskforce', 'district_admin'),
    params: StarTaskforcePath,
    responses: { 200: StarTaskforceBoard },
  }),
} as const;
