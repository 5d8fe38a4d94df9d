import '../zod-config';
import * as z from 'zod/mini';
import { ROLES } from '../enums';
import { ErrorBody } from '../errors';
import { defineRoute, rolesAccess } from '../route';
import { DayKey, Id, QuarterKey } from './common.contract';
import { userText } from './user-text';

/**
 * 比干劲: the township's quarterly 述职评议. Township staff set up a session (the scoring form and the weights of
 * the three scorer groups), secretaries attach their 述职, then the party committee, the other secretaries and
 * the resident representatives (people who redeemed one of the township's one-time codes) score each branch.
 * At close the weighted results are frozen; the quarter's ranking reads them as a component.
 */
export const APPRAISAL_STATES = ['draft', 'open', 'scoring', 'closed'] as const;
export const AppraisalState = z.enum(APPRAISAL_STATES);
export type AppraisalState = z.infer<typeof AppraisalState>;
export const APPRAISAL_STATE_LABELS: Record<AppraisalState, string> = {
  draft: '筹备中',
  open: '述职中',
  scoring: '评议打分中',
  closed: '已结束',
};

export const SCORER_GROUPS = ['committee', 'secretaries', 'residents'] as const;
export const ScorerGroup = z.enum(SCORER_GROUPS);
export type ScorerGroup = z.infer<typeof ScorerGroup>;
export const SCORER_GROUP_LABELS: Record<ScorerGroup, string> = {
  committee: '乡镇（街道）党（工）委',
  secretaries: '书记互评',
  residents: '居民代表',
};

export const APPRAISAL_LIMITS = { items: 10, report: 2000, seats: 30 } as const;

const Points = z.int().check(z.minimum(1, '满分至少为 1'), z.maximum(100, '满分不能超过 100'));
const Percent = z.int().check(z.minimum(0, '不能小于 0'), z.maximum(100, '不能大于 100'));
export const AppraisalItemId = z.string().check(z.regex(/^[a-z0-9-]{1,24}$/, '评分项编号无效'));

export const AppraisalItem = z.strictObject({
  id: AppraisalItemId,
  name: userText({ min: 2, max: 20, empty: '请填写评分项名称' }),
  maxPoints: Points,
});
export type AppraisalItem = z.infer<typeof AppraisalItem>;

export const GroupWeights = z.strictObject({ committee: Percent, secretaries: Percent, residents: Percent });
export type GroupWeights = z.infer<typeof GroupWeights>;

/** The default form and weights (configurable per session; not prescribed by the campaign's documents). */
export const DEFAULT_APPRAISAL_FORM: { items: AppraisalItem[]; weights: GroupWeights } = {
  items: [
    { id: 'duty', name: '履职尽责', maxPoints: 30 },
    { id: 'results', name: '创星实绩', maxPoints: 40 },
    { id: 'conduct', name: '作风形象', maxPoints: 30 },
  ],
  weights: { committee: 50, secretaries: 30, residents: 20 },
};

/** Township staff create (version 0) or edit the session while it is a draft. */
export const PutAppraisalBody = z
  .strictObject({
    date: DayKey,
    items: z.array(AppraisalItem).check(z.minLength(1, '请至少设一个评分项'), z.maxLength(APPRAISAL_LIMITS.items, '评分项不宜超过 10 个')),
    weights: GroupWeights,
    /** How many one-time codes the township hands to resident representatives (0: no resident group). */
    residentSeats: z.int().check(z.minimum(0, '不能小于 0'), z.maximum(APPRAISAL_LIMITS.seats, '居民代表不宜超过 30 人')),
    version: z.int().check(z.minimum(0)),
  })
  .check(
    z.superRefine((b, ctx) => {
      const sum = b.weights.committee + b.weights.secretaries + b.weights.residents;
      if (sum !== 100) ctx.addIssue({ code: 'custom', path: ['weights'], message: `三类评议人权重之和应为 100（现为 ${sum}）` });
      const seen = new Set<string>();
      b.items.forEach((item, i) => {
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: '评分项编号重复' });
        seen.add(item.id);
      });
    }),
  );
export type PutAppraisalBody = z.infer<typeof PutAppraisalBody>;

export const AppraisalTransitionBody = z.strictObject({
  to: z.enum(['open', 'scoring', 'closed']),
  version: z.int().check(z.minimum(1)),
});
export type AppraisalTransitionBody = z.infer<typeof AppraisalTransitionBody>;

export const AppraisalReportBody = z.strictObject({
  text: userText({ min: 10, max: APPRAISAL_LIMITS.report, empty: '请填写述职内容', multiline: true }),
  /** The report's version the secretary edited (0: the first). */
  version: z.int().check(z.minimum(0)),
});
export type AppraisalReportBody = z.infer<typeof AppraisalReportBody>;

export const AppraisalSheetBody = z.strictObject({
  /** Points per item id, each within 0 and the item's maximum (checked against the session's form). */
  scores: z.record(AppraisalItemId, z.int().check(z.minimum(0, '不能小于 0'), z.maximum(100, '不能大于 100'))),
  /** The sheet's version the scorer saw (0: the first for this branch); a resubmission replaces the sheet. */
  version: z.int().check(z.minimum(0)),
});
export type AppraisalSheetBody = z.infer<typeof AppraisalSheetBody>;

export const RedeemSeatBody = z.strictObject({ code: z.string().check(z.regex(/^[2-9A-HJKMNP-Z]{8}$/, '代表码应为 8 位字母或数字')) });

/** One branch's frozen result (score 0–100, two decimals; null: nobody scored it). */
export const AppraisalResult = z.object({
  branchId: Id,
  branchName: z.string(),
  score: z.nullable(z.number()),
  /** 1 = best in the township; null when unscored. */
  rank: z.nullable(z.int()),
  /** Per group: the mean of its sheets (0–100), null when the group sent none and its weight went to the others. */
  groups: z.object({ committee: z.nullable(z.number()), secretaries: z.nullable(z.number()), residents: z.nullable(z.number()) }),
  /** The weights applied after leaving out groups without sheets (sum 100, or all 0). */
  appliedWeights: GroupWeights,
  sheetCount: z.int(),
});
export type AppraisalResult = z.infer<typeof AppraisalResult>;

export const AppraisalSession = z.object({
  townshipId: Id,
  quarter: QuarterKey,
  date: DayKey,
  state: AppraisalState,
  version: z.int(),
  items: z.array(AppraisalItem),
  weights: GroupWeights,
  residentSeats: z.int(),
  /** The township's branches (fixed when the session opens), each with its secretary's 述职. */
  branches: z.array(
    z.object({ branchId: Id, branchName: z.string(), report: z.optional(z.object({ text: z.string(), version: z.int() })) }),
  ),
  /** Township staff only: the one-time codes for resident representatives and whether each is taken. */
  seats: z.optional(z.array(z.object({ code: z.string(), redeemed: z.boolean() }))),
  /** The caller as a scorer: their group, their own branch (never scored by them) and their sheets. */
  me: z.object({
    group: z.nullable(ScorerGroup),
    ownBranchId: z.optional(Id),
    sheets: z.array(z.object({ branchId: Id, scores: z.record(z.string(), z.int()), version: z.int() })),
    /** Branches the caller is to score. */
    toScore: z.int(),
  }),
  /** Township staff (and those above) while scoring: sheets in per branch and group, counts only. */
  progress: z.optional(z.array(z.object({ branchId: Id, committee: z.int(), secretaries: z.int(), residents: z.int() }))),
  /** After close: every branch for township staff and above, only their own for a secretary, nothing for residents. */
  results: z.optional(z.array(AppraisalResult)),
  closedAt: z.optional(z.string()),
});
export type AppraisalSession = z.infer<typeof AppraisalSession>;

export const AppraisalList = z.object({
  sessions: z.array(z.object({ quarter: QuarterKey, date: DayKey, state: AppraisalState })),
});
export type AppraisalList = z.infer<typeof AppraisalList>;

export const AppraisalPath = z.strictObject({ townshipId: Id, quarter: QuarterKey });
export const AppraisalBranchPath = z.strictObject({ townshipId: Id, quarter: QuarterKey, branchId: Id });
export const AppraisalTownshipPath = z.strictObject({ townshipId: Id });

/**
 * Everyone signed in is a resident, and any of them may hold a representative's code: these routes are open to
 * every role, and the server decides (organiser, a secretary of the township, a seat holder; else 403/404).
 */
const ANY_SIGNED_IN = ROLES;

export const appraisalsRoutes = {
  listAppraisals: defineRoute({
    method: 'GET',
    path: '/v1/townships/{townshipId}/appraisals',
    summary: '述职评议: the township’s sessions, newest first (its staff, secretaries and those above)',
    access: rolesAccess('township_staff', 'secretary', 'leader', 'district_admin'),
    params: AppraisalTownshipPath,
    responses: { 200: AppraisalList },
  }),
  getAppraisal: defineRoute({
    method: 'GET',
    path: '/v1/townships/{townshipId}/appraisals/{quarter}',
    summary: '述职评议 session: form, 述职, the caller’s sheets, and results as the caller may see them',
    access: rolesAccess(...ANY_SIGNED_IN),
    params: AppraisalPath,
    responses: { 200: AppraisalSession },
  }),
  putAppraisal: defineRoute({
    method: 'PUT',
    path: '/v1/townships/{townshipId}/appraisals/{quarter}',
    summary: 'Township staff create the quarter’s session or edit it while a draft (optimistic on version)',
    access: rolesAccess('township_staff'),
    params: AppraisalPath,
    body: PutAppraisalBody,
    responses: { 200: AppraisalSession, 409: ErrorBody },
  }),
  transitionAppraisal: defineRoute({
    method: 'POST',
    path: '/v1/townships/{townshipId}/appraisals/{quarter}/transition',
    summary: 'Township staff move the session on: draft → open → scoring → closed (results frozen); one of two wins',
    access: rolesAccess('township_staff'),
    params: AppraisalPath,
    body: AppraisalTransitionBody,
    responses: { 200: AppraisalSession, 409: ErrorBody },
  }),
  putAppraisalReport: defineRoute({
    method: 'PUT',
    path: '/v1/townships/{townshipId}/appraisals/{quarter}/reports/{branchId}',
    summary: 'The branch’s secretary attaches (or revises) the 述职 while the session is open',
    access: rolesAccess('secretary'),
    params: AppraisalBranchPath,
    body: AppraisalReportBody,
    responses: { 200: AppraisalSession, 409: ErrorBody },
  }),
  redeemAppraisalSeat: defineRoute({
    method: 'POST',
    path: '/v1/townships/{townshipId}/appraisals/{quarter}/seats',
    summary: 'A resident redeems a one-time code and becomes a representative of this session',
    access: rolesAccess(...ANY_SIGNED_IN),
    params: AppraisalPath,
    body: RedeemSeatBody,
    responses: { 200: AppraisalSession, 409: ErrorBody },
  }),
  putAppraisalSheet: defineRoute({
    method: 'PUT',
    path: '/v1/townships/{townshipId}/appraisals/{quarter}/sheets/{branchId}',
    summary: 'A scorer submits or replaces their score sheet for one branch while scoring (idempotent, versioned)',
    access: rolesAccess(...ANY_SIGNED_IN),
    params: AppraisalBranchPath,
    body: AppraisalSheetBody,
    responses: { 200: AppraisalSession, 409: ErrorBody },
  }),
};
