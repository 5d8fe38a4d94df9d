import '../zod-config';
import * as z from 'zod/mini';
import { Star } from '../enums';
import { ErrorBody } from '../errors';
import { defineRoute, rolesAccess } from '../route';
import { Id, IsoDateTime, intParam, MonthKey, QuarterKey } from './common.contract';
import { PLAN_YEARS } from './plans.contract';
import { userText } from './user-text';

/**
 * 亮赛比 for branch secretaries: 亮承诺 (each year, optionally per quarter, the secretary publishes commitments per
 * target star, visible to the township's branches) and 赛实绩 (monthly progress against each commitment, on the
 * township's 亮赛比 board). 比干劲 (述职评议) is built apart; the board shows its latest closed results.
 */
export const PLEDGE_LIMITS = { items: 15, text: 120, measure: 60, progress: 300 } as const;

/** A commitment is for the whole year or for one quarter of it. */
export const PLEDGE_PERIODS = ['year', 'Q1', 'Q2', 'Q3', 'Q4'] as const;
export const PledgePeriod = z.enum(PLEDGE_PERIODS);
export type PledgePeriod = z.infer<typeof PledgePeriod>;
export const PLEDGE_PERIOD_LABELS: Record<PledgePeriod, string> = {
  year: '全年',
  Q1: '一季度',
  Q2: '二季度',
  Q3: '三季度',
  Q4: '四季度',
};

/** A commitment counts in a month (yyyy-mm) when it is for the whole year or for that month's quarter. */
export function pledgeInForce(period: PledgePeriod, month: string): boolean {
  return period === 'year' || period === `Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** A client-made id (a ULID or similar): the item keeps its progress across edits of the list. */
export const PledgeItemId = z.string().check(z.regex(/^[0-9A-Za-z]{8,32}$/, '承诺编号无效'));

export const PledgeItemInput = z.strictObject({
  id: PledgeItemId,
  star: Star,
  period: PledgePeriod,
  text: userText({ min: 4, max: PLEDGE_LIMITS.text, empty: '请写明承诺的事项', multiline: true }),
  /** How it will be judged done (e.g. 新建网格 6 个). */
  measure: userText({ min: 1, max: PLEDGE_LIMITS.measure, empty: '请写明衡量标准' }),
});
export type PledgeItemInput = z.infer<typeof PledgeItemInput>;

export const PledgeProgress = z.object({
  itemId: PledgeItemId,
  month: MonthKey,
  /** 0–100: how far the commitment is, as the branch judges it. */
  percent: z.int(),
  text: z.string(),
  version: z.int(),
  at: IsoDateTime,
  byName: z.string(),
});
export type PledgeProgress = z.infer<typeof PledgeProgress>;

export const BranchPledges = z.object({
  branchId: Id,
  branchName: z.string(),
  townshipId: Id,
  /** The branch's star set (a commitment is for one of these). */
  stars: z.array(Star),
  year: z.int(),
  /** 0: nothing published yet. */
  version: z.int(),
  publishedAt: z.optional(IsoDateTime),
  publishedByName: z.optional(z.string()),
  items: z.array(PledgeItemInput),
  /** Every month's progress of the year, by item, month ascending. */
  progress: z.array(PledgeProgress),
});
export type BranchPledges = z.infer<typeof BranchPledges>;

const Version = z.int().check(z.minimum(0));
export const PublishPledgesBody = z
  .strictObject({
    items: z.array(PledgeItemInput).check(z.minLength(1, '请至少写一条承诺'), z.maxLength(PLEDGE_LIMITS.items, '承诺不宜超过 15 条')),
    /** The version the secretary edited (0 for the first publication). */
    version: Version,
  })
  .check(
    z.superRefine((b, ctx) => {
      const seen = new Set<string>();
      b.items.forEach((item, i) => {
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: '承诺编号重复' });
        seen.add(item.id);
      });
    }),
  );
export type PublishPledgesBody = z.infer<typeof PublishPledgesBody>;

export const ReportPledgeProgressBody = z.strictObject({
  percent: z.int().check(z.minimum(0, '不能小于 0'), z.maximum(100, '不能大于 100')),
  text: userText({ min: 2, max: PLEDGE_LIMITS.progress, empty: '请写明本月的实绩', multiline: true }),
  /** The entry's version the reporter saw (0: the month's first report of this item). */
  version: Version,
});
export type ReportPledgeProgressBody = z.infer<typeof ReportPledgeProgressBody>;

const PledgeYear = intParam(PLAN_YEARS.min, PLAN_YEARS.max);
export const PledgesPath = z.strictObject({ branchId: Id, year: PledgeYear });
export const PledgeProgressPath = z.strictObject({ branchId: Id, year: PledgeYear, month: MonthKey, itemId: PledgeItemId });
export const PledgeBoardPath = z.strictObject({ townshipId: Id, month: MonthKey });

/** The township's 亮赛比 board for a month: every branch's commitments in force and how far each is. */
export const PledgeBoard = z.object({
  township: z.object({ id: Id, name: z.string() }),
  month: MonthKey,
  branches: z.array(
    z.object({
      branchId: Id,
      branchName: z.string(),
      /** Published commitments of the year (none: 未亮承诺). */
      published: z.boolean(),
      items: z.array(
        z.object({
          id: PledgeItemId,
          star: Star,
          period: PledgePeriod,
          text: z.string(),
          measure: z.string(),
          /** The latest progress up to this month, if any. */
          latest: z.optional(z.object({ month: MonthKey, percent: z.int(), text: z.string() })),
          /** Reported in this very month. */
          reportedThisMonth: z.boolean(),
        }),
      ),
      /** Mean of the items' latest percentages (0 when nothing is reported). */
      averagePercent: z.int(),
    }),
  ),
  /**
   * 比干劲: the township's latest closed 述职评议 up to the board's quarter, totals and ranks only (never who scored or
   * any group's score), and a later session still under way (open or scoring), if any.
   */
  appraisal: z.object({
    closed: z.optional(
      z.object({
        quarter: QuarterKey,
        /** Every branch of the session, best first; score null (无数据) and rank null when nobody scored it. */
        results: z.array(z.object({ branchId: Id, branchName: z.string(), score: z.nullable(z.number()), rank: z.nullable(z.int()) })),
      }),
    ),
    running: z.optional(z.object({ quarter: QuarterKey, state: z.enum(['open', 'scoring']) })),
  }),
});
export type PledgeBoard = z.infer<typeof PledgeBoard>;

/** Who reads commitments and the board: the township's branches (亮赛比 in the open) and those above them. */
const PLEDGE_READERS = ['secretary', 'cadre', 'township_staff', 'leader', 'district_admin'] as const;

export const pledgesRoutes = {
  getBranchPledges: defineRoute({
    method: 'GET',
    path: '/v1/branches/{branchId}/pledges/{year}',
    summary: '亮承诺: a branch’s commitments of a year with every month’s progress (readers in the branch’s township and above)',
    access: rolesAccess(...PLEDGE_READERS),
    params: PledgesPath,
    responses: { 200: BranchPledges },
  }),
  publishPledges: defineRoute({
    method: 'PUT',
    path: '/v1/branches/{branchId}/pledges/{year}',
    summary: 'The branch’s secretary publishes (or revises) the year’s commitments, per target star (optimistic on version)',
    access: rolesAccess('secretary'),
    params: PledgesPath,
    body: PublishPledgesBody,
    responses: { 200: BranchPledges, 409: ErrorBody },
  }),
  reportPledgeProgress: defineRoute({
    method: 'PUT',
    path: '/v1/branches/{branchId}/pledges/{year}/progress/{month}/{itemId}',
    summary: '赛实绩: the branch’s secretary or cadres report a month’s progress against one commitment (optimistic on version)',
    access: rolesAccess('secretary', 'cadre'),
    params: PledgeProgressPath,
    body: ReportPledgeProgressBody,
    responses: { 200: PledgeProgress, 409: ErrorBody },
  }),
  getPledgeBoard: defineRoute({
    method: 'GET',
    path: '/v1/townships/{townshipId}/pledge-board/{month}',
    summary: '亮赛比 board: the township’s branches, their commitments in force in the month and their latest progress',
    access: rolesAccess(...PLEDGE_READERS),
    params: PledgeBoardPath,
    responses: { 200: PledgeBoard },
  }),
};
