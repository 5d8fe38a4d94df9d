import '../zod-config';
import * as z from 'zod/mini';
import { ErrorBody } from '../errors';
import { defineRoute, rolesAccess } from '../route';
import { CALENDAR_YEARS, DayKey, Id, IsoDateTime, intParam } from './common.contract';
import { userText } from './user-text';

/**
 * 区乡村三级创建规划: the district's and each township's yearly creation plan (targets for 三星成片 / 四星倍增 /
 * 五星涌现 as counts of branches per township, key dates, responsible units) and the progress against the
 * baseline and the targets that the star map shows.
 */
export const CREATION_PLAN_LIMITS = { keyDates: 20, units: 20, keyDateName: 30, unit: 40, maxCount: 999 } as const;

const Count = z.int().check(z.minimum(0, '不能小于 0'), z.maximum(CREATION_PLAN_LIMITS.maxCount, '数字过大'));

/** Counts of branches: at three stars or more, at four or more, at five. */
export const StarTargets = z.strictObject({ threeStar: Count, fourStar: Count, fiveStar: Count });
export type StarTargets = z.infer<typeof StarTargets>;

export const KeyDate = z.strictObject({
  name: userText({ min: 1, max: CREATION_PLAN_LIMITS.keyDateName, empty: '请填写节点名称' }),
  date: DayKey,
});
export type KeyDate = z.infer<typeof KeyDate>;

const KeyDates = z.array(KeyDate).check(z.maxLength(CREATION_PLAN_LIMITS.keyDates, '关键节点不宜超过 20 个'));
const Units = z
  .array(userText({ min: 1, max: CREATION_PLAN_LIMITS.unit, empty: '请填写责任单位' }))
  .check(z.maxLength(CREATION_PLAN_LIMITS.units, '责任单位不宜超过 20 个'));
const Version = z.int().check(z.minimum(0));

export const PlanRevision = z.object({ version: z.int(), at: IsoDateTime, byName: z.string() });
export type PlanRevision = z.infer<typeof PlanRevision>;

export const DistrictCreationPlan = z.object({
  year: z.int(),
  /** 0: not saved yet (the targets shown are the defaults). */
  version: z.int(),
  townships: z.array(
    z.object({
      townshipId: Id,
      name: z.string(),
      branchCount: z.int(),
      baseline: StarTargets,
      targets: StarTargets,
    }),
  ),
  keyDates: z.array(KeyDate),
  responsibleUnits: z.array(z.string()),
  /** Every saved version, newest first (the audit trail). */
  history: z.array(PlanRevision),
});
export type DistrictCreationPlan = z.infer<typeof DistrictCreationPlan>;

export const SaveDistrictCreationPlanBody = z.strictObject({
  townships: z.array(z.strictObject({ townshipId: Id, targets: StarTargets })).check(z.maxLength(100)),
  keyDates: KeyDates,
  responsibleUnits: Units,
  /** The version the admin edited (0 for the first save). */
  version: Version,
});
export type SaveDistrictCreationPlanBody = z.infer<typeof SaveDistrictCreationPlanBody>;

/** The target level (0–5 stars) a township sets for one of its branches. */
const Level = z.int().check(z.minimum(0, '不能小于 0'), z.maximum(5, '最多五星'));

export const TownshipCreationPlan = z.object({
  year: z.int(),
  townshipId: Id,
  name: z.string(),
  version: z.int(),
  /** The district's targets for the township: the township's own are at least these. */
  districtTargets: StarTargets,
  baseline: StarTargets,
  targets: StarTargets,
  keyDates: z.array(KeyDate),
  responsibleUnits: z.array(z.string()),
  /** Each branch's level (stars held) at the baseline and now, and the level the township aims at for it. */
  branches: z.array(z.object({ branchId: Id, name: z.string(), baselineLevel: z.int(), currentLevel: z.int(), targetLevel: z.int() })),
  history: z.array(PlanRevision),
});
export type TownshipCreationPlan = z.infer<typeof TownshipCreationPlan>;

export const SaveTownshipCreationPlanBody = z.strictObject({
  targets: StarTargets,
  keyDates: KeyDates,
  responsibleUnits: Units,
  branchTargets: z.array(z.strictObject({ branchId: Id, level: Level })).check(z.maxLength(500)),
  version: Version,
});
export type SaveTownshipCreationPlanBody = z.infer<typeof SaveTownshipCreationPlanBody>;

/** Per township: branches at ≥3 / ≥4 / 5 stars at the baseline and today, the targets, and 四星倍增 (×2 the baseline). */
export const CreationProgressRow = z.object({
  townshipId: Id,
  name: z.string(),
  branchCount: z.int(),
  baseline: StarTargets,
  current: StarTargets,
  /** The township's own plan when saved, else the district's. */
  targets: StarTargets,
  targetsFrom: z.enum(['township', 'district', 'default']),
  /** 2 × the baseline four-star count: 四星倍增 is met when the current count reaches it. */
  fourStarDouble: z.int(),
});
export type CreationProgressRow = z.infer<typeof CreationProgressRow>;

export const CreationProgress = z.object({
  year: z.int(),
  /** The Asia/Shanghai day the current counts are of. */
  asOf: DayKey,
  townships: z.array(CreationProgressRow),
});
export type CreationProgress = z.infer<typeof CreationProgress>;

// The campaign's years, as 创星计划's (not imported from its contract: the stars function would carry all of it).
const PlanYear = intParam(2020, CALENDAR_YEARS.max);
export const CreationPlanYearPath = z.strictObject({ year: PlanYear });
export const TownshipCreationPlanPath = z.strictObject({ year: PlanYear, townshipId: Id });

/** Who reads the plans and the progress: the star map's readers (a branch reads its own township only). */
const CREATION_PLAN_READERS = ['secretary', 'cadre', 'township_staff', 'leader', 'district_admin'] as const;

export const creationPlansRoutes = {
  getDistrictCreationPlan: defineRoute({
    method: 'GET',
    path: '/v1/creation-plans/{year}/district',
    summary: '区级创建规划: the year’s targets per township (defaults from the baseline until saved), key dates, units',
    access: rolesAccess('township_staff', 'leader', 'district_admin'),
    params: CreationPlanYearPath,
    responses: { 200: DistrictCreationPlan },
  }),
  saveDistrictCreationPlan: defineRoute({
    method: 'PUT',
    path: '/v1/creation-plans/{year}/district',
    summary: 'The district admin saves the year’s district plan (optimistic on version; every version is kept)',
    access: rolesAccess('district_admin'),
    params: CreationPlanYearPath,
    body: SaveDistrictCreationPlanBody,
    responses: { 200: DistrictCreationPlan, 409: ErrorBody },
  }),
  getTownshipCreationPlan: defineRoute({
    method: 'GET',
    path: '/v1/creation-plans/{year}/townships/{townshipId}',
    summary: '乡镇创建规划: the township’s targets (at least the district’s), key dates, units and per-branch target levels',
    access: rolesAccess(...CREATION_PLAN_READERS),
    params: TownshipCreationPlanPath,
    responses: { 200: TownshipCreationPlan },
  }),
  saveTownshipCreationPlan: defineRoute({
    method: 'PUT',
    path: '/v1/creation-plans/{year}/townships/{townshipId}',
    summary: 'The township’s staff save its plan (optimistic on version; every version is kept)',
    access: rolesAccess('township_staff'),
    params: TownshipCreationPlanPath,
    body: SaveTownshipCreationPlanBody,
    responses: { 200: TownshipCreationPlan, 409: ErrorBody },
  }),
  getCreationProgress: defineRoute({
    method: 'GET',
    path: '/v1/creation-plans/{year}/progress',
    summary: 'Per township the caller reads: branches at ≥3 / ≥4 / 5 stars at the baseline and today, against the targets',
    access: rolesAccess(...CREATION_PLAN_READERS),
    params: CreationPlanYearPath,
    responses: { 200: CreationProgress },
  }),
};
