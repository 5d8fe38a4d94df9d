import '../zod-config';
import * as z from 'zod/mini';
import { defineRoute, rolesAccess } from '../route';
import { DayKey, Id, IsoDateTime } from './common.contract';

/**
 * What reviewers of a 创星申报 see beside the self-assessment: what the product already knows of the branch and the
 * star. Its own feature (and function) so the stars function keeps room; the application detail says whether the
 * caller may read it (`canReadContext`).
 */

/** What the product already knows of the branch and this star, shown to reviewers beside the self-assessment. */
export const StarReviewContext = z.object({
  /** 每月一观摩: the branch's frozen score for this star in each observation of this and the last quarter. */
  observations: z.array(z.object({ observationId: Id, title: z.string(), month: z.string(), value: z.nullable(z.number()) })),
  /** 问题清单 items of this star: open (not closed) and overdue. */
  findings: z.object({ open: z.int(), overdue: z.int(), closed: z.int() }),
  /** Findings of this star that name a veto item (一票否决), with their state. */
  vetoHits: z.array(z.object({ findingId: Id, vetoItemId: Id, vetoText: z.string(), status: z.string(), createdAt: IsoDateTime })),
  /** Items of the branch's daily reports tagged with this star over the last 90 days, newest first (at most 30). */
  reportItems: z.array(z.object({ day: DayKey, text: z.string(), taskId: z.optional(Id) })),
  /** 清风邮局 三率 of the branch over this and the last quarter (rates 0–1); absent when no letter arrived. */
  letters: z.optional(z.object({ received: z.int(), responseRate: z.number(), resolutionRate: z.number(), satisfactionRate: z.number() })),
});
export type StarReviewContext = z.infer<typeof StarReviewContext>;

export const StarReviewContextPath = z.strictObject({ applicationId: Id });

export const starReviewRoutes = {
  getStarReviewContext: defineRoute({
    method: 'GET',
    path: '/v1/star-applications/{applicationId}/review-context',
    summary:
      'What the product knows of the applying branch and the star (observation scores, 问题清单 and veto hits, daily-report items, letters’ 三率), for those who oversee the branch',
    access: rolesAccess('township_staff', 'taskforce', 'leader', 'district_admin'),
    params: StarReviewContextPath,
    responses: { 200: StarReviewContext },
  }),
} as const;
