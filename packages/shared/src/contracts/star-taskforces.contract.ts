import '../zod-config';
import * as z from 'zod/mini';
import { STARS, Star } from '../enums';
import { ErrorBody } from '../errors';
import { defineRoute, rolesAccess } from '../route';
import { Id } from './common.contract';
import { userText } from './user-text';

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

/* ---------- routes (served with the stars feature) ---------- */

export const starTaskforceRoutes = {
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
