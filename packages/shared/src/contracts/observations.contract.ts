import '../zod-config';
import * as z from 'zod/mini';
import { BranchType, OfficialRole, Star } from '../enums';
import { ErrorBody } from '../errors';
import { defineRoute, rolesAccess } from '../route';
import { BranchPath, Id, IsoDateTime, MonthKey, QuarterKey, uniqueItems } from './common.contract';
import { userText } from './user-text';

/** 每月一观摩: the township (or the district) visits chosen branches; assigned observers score each star 0–10. */
export const OBSERVATION_STATUSES = ['open', 'closed'] as const;
export const ObservationStatus = z.enum(OBSERVATION_STATUSES);
export type ObservationStatus = z.infer<typeof ObservationStatus>;
export const OBSERVATION_STATUS_LABELS: Record<ObservationStatus, string> = { open: '评分中', closed: '已锁定' };

export const OBSERVATION_LIMITS = {
  title: 40,
  /** A close writes one result item per branch in one transaction (≤ 100 items). */
  branches: 30,
  observers: 15,
  comment: 300,
  maxScore: 10,
  /** From this many scores for a star on, the highest and the lowest are dropped (trimmed mean). */
  trimFrom: 5,
} as const;

/** `2026-Q4` */

export const ObservationPath = z.strictObject({ observationId: Id });
export const ObservationScorePath = z.strictObject({ observationId: Id, branchId: Id });
export const ObservationListQuery = z.strictObject({ month: z.optional(MonthKey) });
export const ObserverCandidateQuery = z.strictObject({ townshipId: z.optional(Id) });
export const BranchObservationQuery = z.strictObject({ quarter: z.optional(QuarterKey) });

const uniqueIds = (max: number, empty: string, tooMany: string) =>
  uniqueItems(z.array(Id).check(z.minLength(1, empty), z.maxLength(max, tooMany)), '有重复的选择');

export const CreateObservationBody = z.strictObject({
  month: MonthKey,
  title: userText({ min: 1, max: OBSERVATION_LIMITS.title, empty: '请填写观摩主题' }),
  /** Set: the township's own observation (its staff or the district). Unset: a district-wide one (district admin). */
  townshipId: z.optional(Id),
  branchIds: uniqueIds(OBSERVATION_LIMITS.branches, '请至少选择一个观摩支部', `最多 ${OBSERVATION_LIMITS.branches} 个支部`),
  observerIds: uniqueIds(OBSERVATION_LIMITS.observers, '请至少选择一名评分人员', `最多 ${OBSERVATION_LIMITS.observers} 名评分人员`),
});
export type CreateObservationBody = z.infer<typeof CreateObservationBody>;

export const StarScore = z.strictObject({
  star: Star,
  score: z.int().check(z.minimum(0, '分数为 0–10'), z.maximum(OBSERVATION_LIMITS.maxScore, '分数为 0–10')),
});
export type StarScore = z.infer<typeof StarScore>;

export const ScoreBranchBody = z.strictObject({
  scores: uniqueItems(z.array(StarScore).check(z.minLength(1, '请至少为一颗星打分'), z.maxLength(5, '最多 5 颗星'))),
  comment: z._default(userText({ max: OBSERVATION_LIMITS.comment, multiline: true }), ''),
});
export type ScoreBranchBody = z.infer<typeof ScoreBranchBody>;

export const ObserverRef = z.object({ userId: Id, name: z.string() });

export const ObservationBranch = z.object({ branchId: Id, name: z.string(), townshipId: Id, type: BranchType, stars: z.array(Star) });

/** One observer's scores for one branch. */
export const BranchScore = z.object({
  branchId: Id,
  observerId: Id,
  observerName: z.string(),
  scores: z.array(StarScore),
  comment: z.string(),
  updatedAt: IsoDateTime,
});
export type BranchScore = z.infer<typeof BranchScore>;

export const StarAggregate = z.object({
  star: Star,
  /** Two decimals; null when nobody scored the star. */
  value: z.nullable(z.number()),
  /** How many scores went in before trimming. */
  count: z.int(),
  trimmed: z.boolean(),
});
export type StarAggregate = z.infer<typeof StarAggregate>;

/** A branch's frozen result of one observation (what the quarterly ranking reads). */
export const BranchResult = z.object({
  observationId: Id,
  title: z.string(),
  month: MonthKey,
  branchId: Id,
  branchName: z.string(),
  townshipId: Id,
  perStar: z.array(StarAggregate),
  /** Mean of the star aggregates, two decimals; null when nothing was scored. */
  overall: z.nullable(z.number()),
  observerCount: z.int(),
  /** The observers' comments without their names, in a fixed order that does not follow the observers. */
  comments: z.array(z.string()),
  closedAt: IsoDateTime,
});
export type BranchResult = z.infer<typeof BranchResult>;

export const ObservationSummary = z.object({
  id: Id,
  month: MonthKey,
  title: z.string(),
  status: ObservationStatus,
  /** 示例管委会 or 二七区 (a district-wide observation). */
  organiserLabel: z.string(),
  branchCount: z.int(),
  observerCount: z.int(),
  /** The caller is an assigned observer. */
  assigned: z.boolean(),
  /** The caller may close it (the organising township's staff, or the district admin). */
  canManage: z.boolean(),
  /** Branches the caller (as an observer) has scored. */
  myScoredCount: z.int(),
  createdAt: IsoDateTime,
});
export type ObservationSummary = z.infer<typeof ObservationSummary>;
export const ObservationList = z.object({ month: MonthKey, observations: z.array(ObservationSummary) });
export type ObservationList = z.infer<typeof ObservationList>;

export const ObservationDetail = z.object({
  id: Id,
  month: MonthKey,
  title: z.string(),
  status: ObservationStatus,
  organiserLabel: z.string(),
  townshipId: z.optional(Id),
  createdByName: z.string(),
  createdAt: IsoDateTime,
  closedAt: z.optional(IsoDateTime),
  assigned: z.boolean(),
  canManage: z.boolean(),
  /** The branches the caller may see (every branch for observers and the organiser). */
  branches: z.array(z.object({ ...ObservationBranch.shape, scoredBy: z.int() })),
  observers: z.array(ObserverRef),
  /** While open, an observer sees only their own scores (no anchoring); overseers who are not observers see all. */
  scores: z.array(BranchScore),
  /** Only once closed. */
  results: z.array(BranchResult),
  version: z.int(),
});
export type ObservationDetail = z.infer<typeof ObservationDetail>;

export const ObserverCandidate = z.object({ userId: Id, name: z.string(), roles: z.array(OfficialRole), scopeLabel: z.string() });
export const ObserverCandidates = z.object({ candidates: z.array(ObserverCandidate) });
export type ObserverCandidates = z.infer<typeof ObserverCandidates>;

export const CloseObservationBody = z.strictObject({ version: z.int().check(z.minimum(1)) });

export const BranchObservationResults = z.object({ branchId: Id, quarter: QuarterKey, results: z.array(BranchResult) });
export type BranchObservationResults = z.infer<typeof BranchObservationResults>;

/* ---------- routes ---------- */

/** 每月一观摩 observations and their frozen results. */
export const observationsRoutes = {
  listObservations: defineRoute({
    method: 'GET',
    path: '/v1/observations',
    summary: '每月一观摩: the month’s observations the caller organises, scores or oversees',
    access: rolesAccess('township_staff', 'inspector', 'leader', 'district_admin'),
    query: ObservationListQuery,
    responses: { 200: ObservationList },
  }),
  listObserverCandidates: defineRoute({
    method: 'GET',
    path: '/v1/observations/candidates',
    summary: 'Officials who may be assigned as observers (township staff, inspectors, leaders, district admins covering the scope)',
    access: rolesAccess('township_staff', 'district_admin'),
    query: ObserverCandidateQuery,
    responses: { 200: ObserverCandidates },
  }),
  createObservation: defineRoute({
    method: 'POST',
    path: '/v1/observations',
    summary: 'The township (its own branches) or the district (any branch) plans an observation with its observers',
    access: rolesAccess('township_staff', 'district_admin'),
    body: CreateObservationBody,
    responses: { 201: ObservationDetail },
  }),
  getObservation: defineRoute({
    method: 'GET',
    path: '/v1/observations/{observationId}',
    summary: 'An observation: branches, observers, scores the caller may see, and the frozen results once closed',
    access: rolesAccess('township_staff', 'inspector', 'leader', 'district_admin'),
    params: ObservationPath,
    responses: { 200: ObservationDetail },
  }),
  scoreObservationBranch: defineRoute({
    method: 'PUT',
    path: '/v1/observations/{observationId}/scores/{branchId}',
    summary: 'An assigned observer scores a branch star by star (0–10) with a comment; re-scoring overwrites while open',
    access: rolesAccess('township_staff', 'inspector', 'leader', 'district_admin'),
    params: ObservationScorePath,
    body: ScoreBranchBody,
    responses: { 200: BranchScore, 409: ErrorBody },
  }),
  closeObservation: defineRoute({
    method: 'POST',
    path: '/v1/observations/{observationId}/close',
    summary: 'The organiser closes it: the results are computed and frozen in the same transaction',
    access: rolesAccess('township_staff', 'district_admin'),
    params: ObservationPath,
    body: CloseObservationBody,
    responses: { 200: ObservationDetail, 409: ErrorBody },
  }),
  getBranchObservationResults: defineRoute({
    method: 'GET',
    path: '/v1/branches/{branchId}/observation-results',
    summary: 'A branch’s frozen observation results for a quarter (its own cadres see them only after close, without observer names)',
    access: rolesAccess('cadre', 'secretary', 'township_staff', 'inspector', 'leader', 'district_admin'),
    params: BranchPath,
    query: BranchObservationQuery,
    responses: { 200: BranchObservationResults },
  }),
} as const;
