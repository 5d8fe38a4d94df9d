import '../zod-config';
import * as z from 'zod/mini';
import { Star } from '../enums';
import { ErrorBody } from '../errors';
import { defineRoute, rolesAccess } from '../route';
import { ClientKey, DayKey, Id, IsoDateTime, uniqueItems } from './common.contract';
import { userText } from './user-text';

/**
 * 包联: each county-level leader is assigned townships ("下沉到乡镇"), records visits per branch (摸底调查, 规划指导)
 * and marks branches as 五星 candidates ("逐村过、逐级筛") with a short assessment. The assignment is what the
 * leader's home shows and where they may record; what they may read elsewhere stays their bindings.
 */
export const LIAISON_LIMITS = { townships: 18, notes: 500, assessment: 120, recentVisits: 20 } as const;

export const LIAISON_VISIT_KINDS = ['survey', 'guidance'] as const;
export const LiaisonVisitKind = z.enum(LIAISON_VISIT_KINDS);
export type LiaisonVisitKind = z.infer<typeof LiaisonVisitKind>;
export const LIAISON_VISIT_KIND_LABELS: Record<LiaisonVisitKind, string> = { survey: '摸底调查', guidance: '规划指导' };

const Version = z.int().check(z.minimum(0));

/** The review steps a leader follows (初审, 复审, 公示): the stars contract's statuses, named here so this contract stands alone. */
export const LIAISON_REVIEW_STATUSES = ['township_review', 'district_review', 'publicity'] as const;
export const LiaisonReviewStatus = z.enum(LIAISON_REVIEW_STATUSES);
export type LiaisonReviewStatus = z.infer<typeof LiaisonReviewStatus>;

export const LiaisonAssignment = z.object({
  leaderId: Id,
  leaderName: z.string(),
  townships: z.array(z.object({ id: Id, name: z.string() })),
  /** 0: never assigned. */
  version: z.int(),
  updatedAt: z.optional(IsoDateTime),
  updatedByName: z.optional(z.string()),
});
export type LiaisonAssignment = z.infer<typeof LiaisonAssignment>;

export const AssignLiaisonBody = z.strictObject({
  townshipIds: uniqueItems(z.array(Id).check(z.maxLength(LIAISON_LIMITS.townships, '包联乡镇不宜超过 18 个')), '乡镇重复'),
  /** The version the admin edited (0 for the first assignment). */
  version: Version,
});
export type AssignLiaisonBody = z.infer<typeof AssignLiaisonBody>;

export const RecordLiaisonVisitBody = z.strictObject({
  /** Made by the client once per visit: a retry answers the visit already recorded. */
  clientId: ClientKey,
  kind: LiaisonVisitKind,
  /** The Asia/Shanghai day of the visit; not in the future. */
  date: DayKey,
  notes: userText({ min: 2, max: LIAISON_LIMITS.notes, empty: '请写明走访情况', multiline: true }),
});
export type RecordLiaisonVisitBody = z.infer<typeof RecordLiaisonVisitBody>;

export const LiaisonVisit = z.object({
  id: Id,
  branchId: Id,
  branchName: z.string(),
  townshipId: Id,
  kind: LiaisonVisitKind,
  date: DayKey,
  notes: z.string(),
  leaderId: Id,
  leaderName: z.string(),
  recordedAt: IsoDateTime,
});
export type LiaisonVisit = z.infer<typeof LiaisonVisit>;

const assessment = (empty: string) => userText({ min: 2, max: LIAISON_LIMITS.assessment, empty, multiline: true });
export const PutFiveStarCandidateBody = z.strictObject({
  /** 长板: what the branch is strong at. */
  strengths: assessment('请写明长板'),
  /** 短板: what it still lacks. */
  weaknesses: assessment('请写明短板'),
  /** 底板: the floor it must not fall below (veto risks, basics). */
  baseline: assessment('请写明底板'),
  /** The version the leader edited (0: not a candidate yet, or re-marking after a withdrawal reads its version). */
  version: Version,
});
export type PutFiveStarCandidateBody = z.infer<typeof PutFiveStarCandidateBody>;

export const WithdrawFiveStarCandidateBody = z.strictObject({ version: z.int().check(z.minimum(1)) });

export const FiveStarCandidate = z.object({
  branchId: Id,
  branchName: z.string(),
  townshipId: Id,
  status: z.enum(['active', 'withdrawn']),
  strengths: z.string(),
  weaknesses: z.string(),
  baseline: z.string(),
  version: z.int(),
  markedByName: z.string(),
  updatedAt: IsoDateTime,
  updatedByName: z.string(),
});
export type FiveStarCandidate = z.infer<typeof FiveStarCandidate>;

/** One township as its leader's home shows it. */
export const LiaisonTownship = z.object({
  id: Id,
  name: z.string(),
  branches: z.array(
    z.object({
      id: Id,
      name: z.string(),
      /** Stars held today (the branch's level is their count). */
      stars: z.array(Star),
      overdueFindings: z.int(),
      candidate: z.boolean(),
    }),
  ),
  /** Applications at 初审, 复审 or 公示. */
  underReview: z.object({
    township_review: z.int(),
    district_review: z.int(),
    publicity: z.int(),
    items: z.array(z.object({ id: Id, branchId: Id, branchName: z.string(), star: Star, status: LiaisonReviewStatus })),
  }),
  candidates: z.array(FiveStarCandidate),
  overdueFindings: z.array(z.object({ branchId: Id, branchName: z.string(), star: Star, deadline: DayKey })),
  /** The latest visits, newest first. */
  recentVisits: z.array(LiaisonVisit),
});
export type LiaisonTownship = z.infer<typeof LiaisonTownship>;

export const MyLiaison = z.object({ today: DayKey, townships: z.array(LiaisonTownship) });
export type MyLiaison = z.infer<typeof MyLiaison>;

export const LiaisonLeaderPath = z.strictObject({ leaderId: Id });
const BranchParam = z.strictObject({ branchId: Id });
const TownshipParam = z.strictObject({ townshipId: Id });

export const liaisonRoutes = {
  listLiaisonAssignments: defineRoute({
    method: 'GET',
    path: '/v1/liaison/assignments',
    summary: '包联: every leader’s assigned townships (district admin)',
    access: rolesAccess('district_admin'),
    responses: { 200: z.object({ assignments: z.array(LiaisonAssignment) }) },
  }),
  assignLiaison: defineRoute({
    method: 'PUT',
    path: '/v1/liaison/assignments/{leaderId}',
    summary: 'The district admin sets the townships a leader 包联 (optimistic on version, audited)',
    access: rolesAccess('district_admin'),
    params: LiaisonLeaderPath,
    body: AssignLiaisonBody,
    responses: { 200: LiaisonAssignment, 409: ErrorBody },
  }),
  getMyLiaison: defineRoute({
    method: 'GET',
    path: '/v1/me/liaison',
    summary: 'A leader’s home: each assigned township’s levels, applications under review, candidates, overdue findings, visits',
    access: rolesAccess('leader'),
    responses: { 200: MyLiaison },
  }),
  recordLiaisonVisit: defineRoute({
    method: 'POST',
    path: '/v1/branches/{branchId}/liaison-visits',
    summary: 'A leader records a visit to a branch of an assigned township (idempotent by clientId)',
    access: rolesAccess('leader'),
    params: BranchParam,
    body: RecordLiaisonVisitBody,
    responses: { 200: LiaisonVisit, 409: ErrorBody },
  }),
  listLiaisonVisits: defineRoute({
    method: 'GET',
    path: '/v1/townships/{townshipId}/liaison-visits',
    summary: 'A township’s leader visits, newest first (its staff, its assigned leaders, the district admin)',
    access: rolesAccess('township_staff', 'leader', 'district_admin'),
    params: TownshipParam,
    responses: { 200: z.object({ visits: z.array(LiaisonVisit) }) },
  }),
  putFiveStarCandidate: defineRoute({
    method: 'PUT',
    path: '/v1/branches/{branchId}/five-star-candidate',
    summary: 'A leader marks (or re-assesses) a branch of an assigned township as a 五星 candidate (optimistic on version)',
    access: rolesAccess('leader'),
    params: BranchParam,
    body: PutFiveStarCandidateBody,
    responses: { 200: FiveStarCandidate, 409: ErrorBody },
  }),
  withdrawFiveStarCandidate: defineRoute({
    method: 'POST',
    path: '/v1/branches/{branchId}/five-star-candidate/withdraw',
    summary: 'A leader withdraws a branch’s 五星 candidacy (optimistic on version)',
    access: rolesAccess('leader'),
    params: BranchParam,
    body: WithdrawFiveStarCandidateBody,
    responses: { 200: FiveStarCandidate, 409: ErrorBody },
  }),
};
