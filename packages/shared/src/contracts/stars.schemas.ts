import '../zod-config';
import * as z from 'zod/mini';
import { Star } from '../enums';
import { ClientKey, DayKey, Id, IsoDateTime } from './common.contract';
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
