import '../zod-config';
import * as z from 'zod/mini';
import { ErrorBody } from '../errors';
import { defineRoute, rolesAccess } from '../route';
import { DayKey, Id, IsoDateTime, MonthKey } from './common.contract';
import { userText } from './user-text';

/**
 * 学讲评 (德化街): party members study, speak, then evaluate; the branch keeps four lists per month and works
 * through them one item at a time (一项一项解决、一件一件攻克). An item stays on the branch's view of every later
 * month until it is done (往期).
 */
export const REVIEW_LISTS = ['difficulty', 'problem', 'solution', 'measure'] as const;
export const ReviewList = z.enum(REVIEW_LISTS);
export type ReviewList = z.infer<typeof ReviewList>;
export const REVIEW_LIST_LABELS: Record<ReviewList, string> = {
  difficulty: '困难清单',
  problem: '问题清单',
  solution: '办法清单',
  measure: '举措清单',
};

export const REVIEW_ITEM_STATUSES = ['open', 'in_progress', 'done'] as const;
export const ReviewItemStatus = z.enum(REVIEW_ITEM_STATUSES);
export type ReviewItemStatus = z.infer<typeof ReviewItemStatus>;
export const REVIEW_STATUS_LABELS: Record<ReviewItemStatus, string> = { open: '待解决', in_progress: '解决中', done: '已解决' };

export const REVIEW_LIMITS = { text: 200, owner: 20, note: 200, history: 100 } as const;

/** Longer texts are written in a text area, so they may hold newlines; short ones are one line. */
const Short = (max: number, empty: string) => userText({ min: 1, max, empty, multiline: max > 60 });

/** A client-made id for a new item (a ULID): a retried add finds the item it already made instead of adding twice. */
export const ReviewItemId = z.string().check(z.regex(/^[0-9A-Za-z]{16,32}$/, '条目编号无效'));

export const REVIEW_ACTIONS = ['created', 'edited', 'started', 'done', 'reopened'] as const;
export const ReviewHistoryEntry = z.object({
  action: z.enum(REVIEW_ACTIONS),
  status: ReviewItemStatus,
  at: IsoDateTime,
  byName: z.string(),
  note: z.optional(z.string()),
});
export type ReviewHistoryEntry = z.infer<typeof ReviewHistoryEntry>;

export const ReviewItem = z.object({
  id: Id,
  branchId: Id,
  /** The month it was listed in (yyyy-mm, Asia/Shanghai). */
  period: MonthKey,
  list: ReviewList,
  text: z.string(),
  owner: z.string(),
  due: z.optional(DayKey),
  status: ReviewItemStatus,
  doneNote: z.optional(z.string()),
  doneDay: z.optional(DayKey),
  version: z.int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  history: z.array(ReviewHistoryEntry),
  /** In a month's view: listed in an earlier month (往期). */
  carried: z.boolean(),
  /** Not done and past its due day (Asia/Shanghai today). */
  overdue: z.boolean(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

export const ReviewBoard = z.object({
  branchId: Id,
  branchName: z.string(),
  townshipId: Id,
  month: MonthKey,
  /** The month's items and the still-open items of earlier months, by list, carried first, oldest first. */
  items: z.array(ReviewItem),
});
export type ReviewBoard = z.infer<typeof ReviewBoard>;

export const ReviewBoardPath = z.strictObject({ branchId: Id, month: MonthKey });
export const ReviewItemPath = z.strictObject({ branchId: Id, itemId: ReviewItemId });
export const TownshipReviewPath = z.strictObject({ townshipId: Id, month: MonthKey });

export const AddReviewItemBody = z.strictObject({
  id: ReviewItemId,
  list: ReviewList,
  text: Short(REVIEW_LIMITS.text, '请填写内容'),
  owner: Short(REVIEW_LIMITS.owner, '请填写责任人'),
  due: z.optional(DayKey),
});
export type AddReviewItemBody = z.infer<typeof AddReviewItemBody>;

const Version = z.int().check(z.minimum(1));
export const ReviewItemActionBody = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('edit'),
    version: Version,
    text: Short(REVIEW_LIMITS.text, '请填写内容'),
    owner: Short(REVIEW_LIMITS.owner, '请填写责任人'),
    /** null clears the due day. */
    due: z.nullable(DayKey),
  }),
  z.strictObject({ action: z.literal('start'), version: Version, note: z.optional(Short(REVIEW_LIMITS.note, '请填写进展')) }),
  z.strictObject({ action: z.literal('done'), version: Version, note: Short(REVIEW_LIMITS.note, '请写明是怎么解决的') }),
  z.strictObject({ action: z.literal('reopen'), version: Version, note: Short(REVIEW_LIMITS.note, '请填写重新打开的原因') }),
]);
export type ReviewItemActionBody = z.infer<typeof ReviewItemActionBody>;

const ListCounts = z.object({ open: z.int(), done: z.int() });
export const TownshipReviewSummary = z.object({
  township: z.object({ id: Id, name: z.string() }),
  month: MonthKey,
  branches: z.array(
    z.object({
      branchId: Id,
      branchName: z.string(),
      /** Per list, in the month's view: not done (incl. 往期) and done. */
      lists: z.object({ difficulty: ListCounts, problem: ListCounts, solution: ListCounts, measure: ListCounts }),
      /** Open items past their due day, oldest due first. */
      overdue: z.array(z.object({ id: Id, list: ReviewList, text: z.string(), owner: z.string(), due: DayKey })),
    }),
  ),
});
export type TownshipReviewSummary = z.infer<typeof TownshipReviewSummary>;

/* ---------- routes ---------- */

/** 学讲评: the four lists of a branch per month, and the township summary. */
export const studyReviewRoutes = {
  getReviewBoard: defineRoute({
    method: 'GET',
    path: '/v1/branches/{branchId}/reviews/{month}',
    summary: '学讲评: a branch’s four lists for a month, with the still-open items of earlier months (往期)',
    access: rolesAccess('cadre', 'secretary', 'township_staff', 'leader', 'inspector', 'district_admin'),
    params: ReviewBoardPath,
    responses: { 200: ReviewBoard },
  }),
  addReviewItem: defineRoute({
    method: 'POST',
    path: '/v1/branches/{branchId}/reviews/{month}/items',
    summary: 'The branch’s own cadres add an item to one of the month’s lists (the client’s id makes a retry idempotent)',
    access: rolesAccess('cadre', 'secretary'),
    params: ReviewBoardPath,
    body: AddReviewItemBody,
    responses: { 201: ReviewItem, 409: ErrorBody },
  }),
  actOnReviewItem: defineRoute({
    method: 'POST',
    path: '/v1/branches/{branchId}/review-items/{itemId}/actions',
    summary: 'Edit, start, finish (with a note) or reopen (with a reason) an item (optimistic on its version)',
    access: rolesAccess('cadre', 'secretary'),
    params: ReviewItemPath,
    body: ReviewItemActionBody,
    responses: { 200: ReviewItem, 409: ErrorBody },
  }),
  getTownshipReviewSummary: defineRoute({
    method: 'GET',
    path: '/v1/townships/{townshipId}/reviews/{month}',
    summary: '学讲评 summary of a township for a month: per branch, open and done per list, and overdue open items',
    access: rolesAccess('township_staff', 'leader', 'inspector', 'district_admin'),
    params: TownshipReviewPath,
    responses: { 200: TownshipReviewSummary },
  }),
} as const;
