import '../zod-config';
import * as z from 'zod/mini';
import { STARS, Star } from '../enums';
import { CALENDAR_YEARS, ClientKey, DayKey, Id, IsoDateTime, intParam } from './common.contract';
import { userText } from './user-text';

/**
 * 公示 objections (异议): during 公示 anyone — residents and every cadre of the district — may object to an award
 * in progress, named or anonymously. The objector's account is sealed the way a letter writer's is (ADR 0004):
 * the district reviewers read the objection and, for a named one, the objector's display name, never an id.
 * Every objection must be resolved before 授星: upheld (the award stops) or dismissed with a reason.
 */
export const STAR_OBJECTION_LIMITS = { text: 1000, reason: 500 } as const;

export const STAR_OBJECTION_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export const StarObjectionStatus = z.enum(STAR_OBJECTION_STATUSES);
export type StarObjectionStatus = z.infer<typeof StarObjectionStatus>;
export const STAR_OBJECTION_STATUS_LABELS: Record<StarObjectionStatus, string> = {
  open: '待处理',
  upheld: '异议成立，终止授星',
  dismissed: '异议不成立',
};

export const FileStarObjectionBody = z.strictObject({
  text: userText({ min: 5, max: STAR_OBJECTION_LIMITS.text, empty: '请至少写 5 个字', multiline: true }),
  anonymous: z.boolean(),
  /** Chosen by the client once per objection: a retried submit lands on the same objection. */
  clientKey: ClientKey,
});
export type FileStarObjectionBody = z.infer<typeof FileStarObjectionBody>;

export const ResolveStarObjectionBody = z.strictObject({
  action: z.enum(['uphold', 'dismiss']),
  /** Why: told to the objector, and kept in the award's record. */
  reason: userText({ min: 1, max: STAR_OBJECTION_LIMITS.reason, empty: '请填写处理理由', multiline: true }),
  version: z.int().check(z.minimum(1)),
});
export type ResolveStarObjectionBody = z.infer<typeof ResolveStarObjectionBody>;

const Resolution = z.object({ at: IsoDateTime, reason: z.string(), resolverName: z.string() });

/** What the objector sees of their own objection. */
export const MyStarObjection = z.object({
  id: Id,
  applicationId: Id,
  branchName: z.string(),
  star: Star,
  text: z.string(),
  anonymous: z.boolean(),
  status: StarObjectionStatus,
  createdAt: IsoDateTime,
  resolution: z.optional(Resolution),
});
export type MyStarObjection = z.infer<typeof MyStarObjection>;
export const MyStarObjections = z.object({ objections: z.array(MyStarObjection) });
export type MyStarObjections = z.infer<typeof MyStarObjections>;

/** What the district reviewers see: no field can carry an anonymous objector (ADR 0004). */
export const ReviewedStarObjection = z.object({
  id: Id,
  applicationId: Id,
  text: z.string(),
  anonymous: z.boolean(),
  /** The objector's display name when they objected by name; absent for an anonymous objection. */
  objectorName: z.optional(z.string()),
  status: StarObjectionStatus,
  version: z.int(),
  createdAt: IsoDateTime,
  resolution: z.optional(Resolution),
});
export type ReviewedStarObjection = z.infer<typeof ReviewedStarObjection>;
export const StarObjectionList = z.object({
  applicationId: Id,
  publicityUntil: z.optional(DayKey),
  objections: z.array(ReviewedStarObjection),
});
export type StarObjectionList = z.infer<typeof StarObjectionList>;

export const StarObjectionPath = z.strictObject({ applicationId: Id, objectionId: Id });

/* ---------- held stars, the baseline and 撤星 / 降星 ---------- */

/**
 * A star a branch holds, or held: from the day it was awarded (by an application) or recorded as held at the
 * campaign start (the baseline), until the day a confirmed withdrawal (撤星) ended it. A branch's level is the
 * number of stars it holds now.
 */
export const HELD_STAR_BASES = ['baseline', 'award'] as const;
export const HeldStar = z.object({
  star: Star,
  heldFrom: DayKey,
  basis: z.enum(HELD_STAR_BASES),
  /** The application that won it (basis `award`). */
  applicationId: z.optional(Id),
  /** Set once a withdrawal ended it. */
  withdrawnOn: z.optional(DayKey),
  withdrawalId: z.optional(Id),
});
export type HeldStar = z.infer<typeof HeldStar>;

export const BranchHeldStars = z.object({
  branchId: Id,
  branchName: z.string(),
  /** How many stars the branch holds now. */
  level: z.int(),
  held: z.array(HeldStar),
  /** Stars it held and lost (撤星), newest first. */
  withdrawn: z.array(HeldStar),
  /** The day the district recorded the branch's stars at the campaign start; absent until then. */
  baselineRecordedOn: z.optional(DayKey),
});
export type BranchHeldStars = z.infer<typeof BranchHeldStars>;

/** The stars a branch held at the campaign start: recorded once, before any award (a repeat with the same stars is a no-op). */
export const RecordBaselineStarsBody = z.strictObject({
  stars: z.array(Star).check(z.maxLength(5, '最多 5 颗星')),
  /** The day the branch already held them (the campaign's start); by default the day it is recorded. Not ahead of today. */
  heldFrom: z.optional(DayKey),
});
export type RecordBaselineStarsBody = z.infer<typeof RecordBaselineStarsBody>;

export const STAR_WITHDRAWAL_STATUSES = ['open', 'confirmed', 'rejected'] as const;
export const StarWithdrawalStatus = z.enum(STAR_WITHDRAWAL_STATUSES);
export type StarWithdrawalStatus = z.infer<typeof StarWithdrawalStatus>;
export const STAR_WITHDRAWAL_STATUS_LABELS: Record<StarWithdrawalStatus, string> = {
  open: '待区级确认',
  confirmed: '已撤星',
  rejected: '不予撤星',
};

/**
 * What opens a withdrawal: a veto item (一票否决) hit on a star the branch holds, either a recorded 四不两直 finding
 * that names it, or a 廉情 case 纪检监察 found 属实 (they name the veto item it hits). One withdrawal per source:
 * opening again from the same finding or case answers the first.
 */
export const OpenStarWithdrawalBody = z.strictObject({
  source: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('finding'), findingId: Id }),
    z.strictObject({ kind: z.literal('integrity_case'), letterId: Id, vetoItemId: Id }),
  ]),
});
export type OpenStarWithdrawalBody = z.infer<typeof OpenStarWithdrawalBody>;

/** The district confirms (the star is no longer held, and the withdrawal is published) or rejects, with a reason. */
export const DecideStarWithdrawalBody = z.strictObject({
  action: z.enum(['confirm', 'reject']),
  reason: userText({ min: 1, max: STAR_OBJECTION_LIMITS.reason, empty: '请填写理由', multiline: true }),
  version: z.int().check(z.minimum(1)),
});
export type DecideStarWithdrawalBody = z.infer<typeof DecideStarWithdrawalBody>;

export const StarWithdrawal = z.object({
  id: Id,
  branchId: Id,
  branchName: z.string(),
  townshipId: Id,
  star: Star,
  /** Only the district's reviewers and 纪检监察 read withdrawals; the community sees the 公示 notice (veto item only). */
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('finding'), findingId: Id, vetoItemId: Id, vetoText: z.string() }),
    z.object({ kind: z.literal('integrity_case'), letterId: Id, vetoItemId: Id, vetoText: z.string() }),
  ]),
  status: StarWithdrawalStatus,
  version: z.int(),
  openedAt: IsoDateTime,
  openedByName: z.string(),
  decision: z.optional(z.object({ at: IsoDateTime, reason: z.string(), deciderName: z.string() })),
  /** A confirmed withdrawal is published for the district's 公示 working days. */
  publicityFrom: z.optional(DayKey),
  publicityUntil: z.optional(DayKey),
});
export type StarWithdrawal = z.infer<typeof StarWithdrawal>;

export const StarWithdrawalQuery = z.strictObject({ status: StarWithdrawalStatus });
export const StarWithdrawalList = z.object({ status: StarWithdrawalStatus, withdrawals: z.array(StarWithdrawal) });
export type StarWithdrawalList = z.infer<typeof StarWithdrawalList>;
export const StarWithdrawalPath = z.strictObject({ withdrawalId: Id });

/** A confirmed 撤星 on the 公示 board until its last day: the branch, the star and why (no reviewer's name). */
export const StarWithdrawalNotice = z.object({
  id: Id,
  branchId: Id,
  branchName: z.string(),
  star: Star,
  withdrawnOn: DayKey,
  vetoText: z.string(),
  reason: z.string(),
  publicityFrom: DayKey,
  publicityUntil: DayKey,
});
export type StarWithdrawalNotice = z.infer<typeof StarWithdrawalNotice>;

/** 公示 lasts this many working days unless the district sets another number. */
export const DEFAULT_PUBLICITY_WORKING_DAYS = 5;

/* ---------- the annual 评星定级 ---------- */

/** The day of each year (MM-DD, Asia/Shanghai) from which the district confirms or lowers every branch's stars. */
export const DEFAULT_ANNUAL_REVIEW_DATE = '12-20';
export const MonthDay = z.string().check(z.regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 MM-DD'));

export const AnnualStarReviewPath = z.strictObject({ year: intParam(2020, CALENDAR_YEARS.max) });
export const AnnualStarReviewBranchPath = z.strictObject({ year: intParam(2020, CALENDAR_YEARS.max), branchId: Id });

/** The district keeps the stars in `keep` (all held: confirmed; fewer: lowered, 降星), once per branch and year. */
export const DecideAnnualStarReviewBody = z.strictObject({
  keep: z.array(Star).check(z.maxLength(5, '最多 5 颗星')),
  reason: userText({ min: 1, max: STAR_OBJECTION_LIMITS.reason, empty: '请填写评定意见', multiline: true }),
});
export type DecideAnnualStarReviewBody = z.infer<typeof DecideAnnualStarReviewBody>;

export const AnnualStarDecision = z.object({
  at: IsoDateTime,
  kept: z.array(Star),
  lowered: z.array(Star),
  reason: z.string(),
  deciderName: z.string(),
});
export type AnnualStarDecision = z.infer<typeof AnnualStarDecision>;

export const AnnualStarReview = z.object({
  year: z.int(),
  /** From this day the district may decide. */
  reviewDate: DayKey,
  branches: z.array(
    z.object({ branchId: Id, branchName: z.string(), townshipId: Id, held: z.array(Star), decision: z.optional(AnnualStarDecision) }),
  ),
});
export type AnnualStarReview = z.infer<typeof AnnualStarReview>;

/* ---------- an application's audit trail and the district's settings ---------- */

export const STAR_EVENT_KINDS = [
  'applied',
  'resubmitted',
  'township_approved',
  'township_returned',
  'district_approved',
  'district_returned',
  'awarded',
  'objection_upheld',
] as const;
export const STAR_EVENT_LABELS: Record<(typeof STAR_EVENT_KINDS)[number], string> = {
  applied: '提交申报',
  resubmitted: '修改后重新提交',
  township_approved: '乡镇初审通过',
  township_returned: '乡镇初审退回',
  district_approved: '区级复审通过，进入公示',
  district_returned: '区级复审退回',
  awarded: '公示期满，授星',
  objection_upheld: '公示异议成立，终止授星',
};
export const StarApplicationEvent = z.object({
  at: IsoDateTime,
  /** The application's version this step produced. */
  version: z.int(),
  kind: z.enum(STAR_EVENT_KINDS),
  actorName: z.string(),
  note: z.optional(z.string()),
  reasons: z.optional(z.array(z.object({ itemId: Id, reason: z.string() }))),
});
export type StarApplicationEvent = z.infer<typeof StarApplicationEvent>;

/** The district's 评星定级 settings; `version` 0 until first saved (the defaults apply). */
export const StarRules = z.object({ publicityWorkingDays: z.int(), annualReviewDate: MonthDay, version: z.int() });
export type StarRules = z.infer<typeof StarRules>;
export const PutStarRulesBody = z.strictObject({
  publicityWorkingDays: z.int().check(z.minimum(1, '至少 1 个工作日'), z.maximum(30, '不超过 30 个工作日')),
  /** The annual 评星定级 day (MM-DD); unchanged when absent. */
  annualReviewDate: z.optional(MonthDay),
  version: z.int().check(z.minimum(0)),
});
export type PutStarRulesBody = z.infer<typeof PutStarRulesBody>;

/**
 * 专班: "一颗星一个专班" — each star is owned by a functional department of the district, which reviews (复审) that
 * star's applications across the district and follows its progress board. Which department owns which star is data
 * the district admin edits; the people of a 专班 hold a `taskforce` binding naming the star.
 */
export const STAR_TASKFORCE_DEFAULTS: Record<Star, string> = {
  branch_strong: '区委组织部',
  safety_law: '区委政法委',
  industry: '区委农办（农委）',
  ecology: '市生态环境局二七分局',
  civility: '区委宣传部（文明办）',
  business: '区营商环境服务中心',
  co_build: '区委社会工作部（社治委）',
  harmony: '区民政局',
};

export const STAR_TASKFORCE_LIMITS = { department: 30 } as const;

export const StarTaskforce = z.object({ star: Star, department: z.string() });
export type StarTaskforce = z.infer<typeof StarTaskforce>;

/** Every star with its department; `version` 0 means the defaults, never saved. */
export const StarTaskforces = z.object({ taskforces: z.array(StarTaskforce), version: z.int() });
export type StarTaskforces = z.infer<typeof StarTaskforces>;

/** The whole assignment at once: every star exactly once, naming the version read (0: never saved). */
export const PutStarTaskforcesBody = z.strictObject({
  version: z.int().check(z.minimum(0)),
  taskforces: z
    .array(
      z.strictObject({
        star: Star,
        department: userText({ min: 1, max: STAR_TASKFORCE_LIMITS.department, empty: '请填写负责的职能部门' }),
      }),
    )
    .check(z.minLength(STARS.length, '请为每颗星指定专班'), z.maxLength(STARS.length, '每颗星只能指定一个专班')),
});
export type PutStarTaskforcesBody = z.infer<typeof PutStarTaskforcesBody>;

export const StarTaskforcePath = z.strictObject({ star: Star });

const StatusCounts = z.object({
  township_review: z.int(),
  returned: z.int(),
  district_review: z.int(),
  publicity: z.int(),
  awarded: z.int(),
  stopped: z.int(),
});
export type StarStatusCounts = z.infer<typeof StatusCounts>;

/** One township's (or the district's) progress on one star. */
export const StarTaskforceRow = z.object({
  /** Branches whose star set includes the star. */
  branches: z.int(),
  /** Of them, branches holding the star now. */
  holding: z.int(),
  /** Applications for the star by status. */
  applications: StatusCounts,
  /** 问题清单 entries against the star not yet closed, and those past their deadline. */
  findings: z.object({ open: z.int(), overdue: z.int() }),
});
export type StarTaskforceRow = z.infer<typeof StarTaskforceRow>;

export const StarTaskforceBoard = z.object({
  star: Star,
  department: z.string(),
  /** In the district's township order. */
  townships: z.array(z.object({ townshipId: Id, townshipName: z.string(), ...StarTaskforceRow.shape })),
  total: StarTaskforceRow,
});
export type StarTaskforceBoard = z.infer<typeof StarTaskforceBoard>;
