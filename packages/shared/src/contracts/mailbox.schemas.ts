import '../zod-config';
import * as z from 'zod/mini';
import { CODE_ALPHABET, DayKey, Id, IsoDateTime, MonthKey, PHOTO_CONTENT_TYPES, UPLOAD_LIMITS, uniqueItems } from './common.contract';
import { userText } from './user-text';

/** 清风邮局: the categories a resident chooses from. 廉情 letters go to the township's supervisors only. */
export const LETTER_CATEGORIES = ['integrity', 'complaint', 'suggestion', 'help'] as const;
export const LetterCategory = z.enum(LETTER_CATEGORIES);
export type LetterCategory = z.infer<typeof LetterCategory>;
export const LETTER_CATEGORY_LABELS: Record<LetterCategory, string> = {
  integrity: '廉情监督',
  complaint: '投诉',
  suggestion: '意见建议',
  help: '求助',
};

/**
 * The closed loop (DOMAIN.md §5): submitted (待受理) → accepted (已受理) → replied (已答复) → archived (已归档),
 * with declined (不予受理) and a single review round (reopened, 复核) after an unsatisfied rating.
 * A transfer (转办) hands the letter to another community and it starts again as submitted there.
 * The writer may withdraw (撤回) a letter nobody has accepted yet.
 */
export const LETTER_STATUSES = ['submitted', 'accepted', 'replied', 'reopened', 'declined', 'archived', 'withdrawn'] as const;
export const LetterStatus = z.enum(LETTER_STATUSES);
export type LetterStatus = z.infer<typeof LetterStatus>;
export const LETTER_STATUS_LABELS: Record<LetterStatus, string> = {
  submitted: '待受理',
  accepted: '办理中',
  replied: '已答复',
  reopened: '复核中',
  declined: '不予受理',
  archived: '已归档',
  withdrawn: '已撤回',
};
/** What residents read: 已办结 rather than the office's 已归档. */
export const RESIDENT_STATUS_LABELS: Record<LetterStatus, string> = { ...LETTER_STATUS_LABELS, archived: '已办结' };

export const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export const Rating = z.enum(RATINGS);
export type Rating = z.infer<typeof Rating>;
export const RATING_LABELS: Record<Rating, string> = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' };

export const LETTER_LIMITS = { text: 2000, reply: 2000, reason: 500, comment: 500, photos: 6, supplements: 5 } as const;

/** How a letter reached the community: online by the writer, or recorded by the station (代录). */
export const LETTER_CHANNELS = ['phone', 'visit', 'paper'] as const;
export const LetterChannel = z.enum(LETTER_CHANNELS);
export type LetterChannel = z.infer<typeof LetterChannel>;
export const LETTER_CHANNEL_LABELS: Record<LetterChannel, string> = { phone: '来电', visit: '来访', paper: '纸质信件' };

/** The district's mailbox rules (configurable by the district admin). */
export const LetterRules = z.strictObject({
  acceptWorkingDays: z.int().check(z.minimum(1), z.maximum(10)),
  replyWorkingDays: z.int().check(z.minimum(1), z.maximum(60)),
  /** Days a reply may wait for the writer's rating before the letter is archived. */
  autoArchiveDays: z.int().check(z.minimum(1), z.maximum(30)),
  /** Letters one resident may send a day. */
  perDayLimit: z.int().check(z.minimum(1), z.maximum(50)),
});
export type LetterRules = z.infer<typeof LetterRules>;
export const DEFAULT_LETTER_RULES: LetterRules = { acceptWorkingDays: 2, replyWorkingDays: 15, autoArchiveDays: 7, perDayLimit: 5 };

/** A letter photo uploaded through its presigned POST; keys carry the community and day, never the writer. */
export const LetterPhotoKey = z
  .string()
  .check(z.regex(/^letter\/[A-Za-z0-9_-]{1,64}\/\d{4}-\d{2}-\d{2}\/[A-Za-z0-9]{10,40}\.(jpg|png|webp)$/, '照片编号无效'));
export const PresignLetterPhotoBody = z.strictObject({
  branchId: Id,
  contentType: z.enum(PHOTO_CONTENT_TYPES),
  size: z.int().check(z.minimum(1), z.maximum(UPLOAD_LIMITS.photo)),
});
export type PresignLetterPhotoBody = z.infer<typeof PresignLetterPhotoBody>;

/* ---------- 查询码 ---------- */
/** A 查询码 has 10 characters of `CODE_ALPHABET`; it is shown in groups of 4, 4 and 2 (P5GS-Y8HP-EH). */
export const QUERY_CODE_LENGTH = 10;

/** The code in groups, for reading it out or copying it down; anything else is shown as it is. */
export function formatQueryCode(code: string): string {
  const plain = parseQueryCode(code);
  if (!plain) return code;
  return `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}`;
}

/**
 * The canonical code from what a person typed: either case, dashes and spaces anywhere ignored.
 * Undefined when it is not 10 characters of the alphabet (which has no 0/O, 1/I/L look-alikes).
 */
export function parseQueryCode(input: string): string | undefined {
  const plain = input.replace(/[\s-]/g, '').toUpperCase();
  if (plain.length !== QUERY_CODE_LENGTH) return undefined;
  for (const ch of plain) if (!CODE_ALPHABET.includes(ch)) return undefined;
  return plain;
}

/** The contract's 查询码: accepted as typed, passed on canonical (upper case, no separators). */
export const QueryCode = z.string().check(
  // The OpenAPI pattern states the same: 10 alphabet characters in either case, dashes or spaces anywhere.
  z.regex(/^[\s-]*(?:[23456789ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz][\s-]*){10}$/, '查询码为 10 位字母或数字'),
  z.toUpperCase(),
  z.overwrite((s) => s.replace(/[\s-]/g, '')),
);

const Text = (min: number, max: number, empty: string) => userText({ min, max, empty, multiline: true });

/** A mainland mobile number, only kept (encrypted) when the writer asks for a call-back. */
export const Phone = z.string().check(z.regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号'));

export const WriteLetterBody = z.strictObject({
  /** The community (branch) the letter is addressed to. */
  branchId: Id,
  category: LetterCategory,
  text: Text(5, LETTER_LIMITS.text, '请至少写 5 个字'),
  anonymous: z.boolean(),
  /** May the letter appear, without personal data, on the community's public board? */
  allowPublication: z._default(z.boolean(), false),
  /** Present only when the writer wants a call-back. */
  callbackPhone: z.optional(Phone),
  photos: z._default(
    uniqueItems(z.array(LetterPhotoKey).check(z.maxLength(LETTER_LIMITS.photos, `最多 ${LETTER_LIMITS.photos} 张照片`))),
    [],
  ),
  /** Made once by the client per letter, so a retried send never posts twice. */
  idempotencyKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, '幂等键格式不正确')),
});
export type WriteLetterBody = z.infer<typeof WriteLetterBody>;

/** A step of the letter's life, as the writer (public) or the handlers (internal too) see it. */
export const TimelineEntry = z.object({
  at: IsoDateTime,
  kind: z.enum([
    'submitted',
    'accepted',
    'declined',
    'transferred',
    'note',
    'replied',
    'rated',
    'reopened',
    'archived',
    'withdrawn',
    'supplemented',
  ]),
  /** Who acted, by role label only (居民, 民情气象站接待员, …): never a person's identity. */
  actor: z.string(),
  text: z.optional(z.string()),
  internal: z.boolean(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** What the writer sees of their own letter. */
export const MyLetter = z.object({
  id: Id,
  queryCode: z.string(),
  /** The community holding the letter now (a 补充's photos are filed under it). */
  branchId: Id,
  branchName: z.string(),
  category: LetterCategory,
  status: LetterStatus,
  text: z.string(),
  anonymous: z.boolean(),
  allowPublication: z.boolean(),
  callbackRequested: z.boolean(),
  createdAt: IsoDateTime,
  rating: z.optional(Rating),
  /** True while the reply waits for the writer's rating. */
  canRate: z.boolean(),
  /** The one review round (复核) after an unsatisfied rating has been used. */
  reviewed: z.boolean(),
  /**
   * By when the community must answer next, on the working-day calendar: acceptance while it waits (待受理),
   * the reply while it is handled. Absent once nothing is owed.
   */
  answerBy: z.optional(z.object({ kind: z.enum(['accept', 'reply']), at: IsoDateTime })),
  /** 撤回 is possible until the letter is accepted (or declined, or transferred on). */
  canWithdraw: z.boolean(),
  /** 补充 (text and photos) is possible while the letter is open, up to `LETTER_LIMITS.supplements` times. */
  canSupplement: z.boolean(),
  /** The version the writer saw: 撤回 and 补充 carry it, so a handler's move in between makes them 409. */
  version: z.int(),
  /** Short-lived URLs of the letter's photos (a 补充's photos after the letter's own). */
  photoUrls: z.array(z.string()),
  timeline: z.array(TimelineEntry),
});
export type MyLetter = z.infer<typeof MyLetter>;

/** What an official handling the letter sees: never the writer's account; the name only for named letters. */
export const CaseLetter = z.object({
  id: Id,
  queryCode: z.string(),
  branchId: Id,
  branchName: z.string(),
  townshipId: Id,
  category: LetterCategory,
  status: LetterStatus,
  text: z.string(),
  anonymous: z.boolean(),
  /** 署名 letters only; anonymous letters show 匿名. */
  writerName: z.string(),
  /** Only when the writer asked for a call-back (or a 代录 resident left a number), and only to the handler. */
  callbackPhone: z.optional(z.string()),
  /** 代录 letters: how the resident came (来电 / 来访 / 纸质信件). Absent for letters written online. */
  channel: z.optional(LetterChannel),
  /** 代录 letters: the name the resident gave, only to the letter's handler (never to overseers). */
  residentName: z.optional(z.string()),
  createdAt: IsoDateTime,
  acceptBy: IsoDateTime,
  replyBy: z.optional(IsoDateTime),
  reviewed: z.boolean(),
  rating: z.optional(Rating),
  version: z.int(),
  photoUrls: z.array(z.string()),
  timeline: z.array(TimelineEntry),
  /** What the caller may do now (state machine × role): empty for read-only overseers. */
  actions: z.array(z.enum(['accept', 'decline', 'transfer', 'note', 'reply', 'schedule'])),
  /** 廉情 letters: 纪检监察's finding once the case is checked (查实 can open a 撤星). Only 纪检监察 see integrity letters. */
  /** 廉情 letters: whether the caller may record the 核查结论 now (纪检监察, after acceptance, not yet recorded). */
  canConclude: z.optional(z.boolean()),
  integrityConclusion: z.optional(
    z.object({ outcome: z.enum(['upheld', 'not_upheld']), summary: z.string(), at: IsoDateTime, byName: z.string() }),
  ),
});
export type CaseLetter = z.infer<typeof CaseLetter>;

export const INTEGRITY_OUTCOME_LABELS = { upheld: '经核查属实', not_upheld: '经核查不属实' } as const;

/**
 * 纪检监察 record what checking a 廉情 letter found, once, after accepting it: 属实 (upheld: a veto item hit, which
 * can open a 撤星 through the stars feature) or 不属实. The writer never sees it (an internal note), nor does the community.
 */
export const IntegrityConclusionBody = z.strictObject({
  outcome: z.enum(['upheld', 'not_upheld']),
  summary: Text(2, LETTER_LIMITS.reason, '请填写核查结论'),
  version: z.int().check(z.minimum(1)),
});
export type IntegrityConclusionBody = z.infer<typeof IntegrityConclusionBody>;

export const CaseSummary = z.object({
  id: Id,
  queryCode: z.string(),
  branchName: z.string(),
  category: LetterCategory,
  status: LetterStatus,
  excerpt: z.string(),
  createdAt: IsoDateTime,
  acceptBy: IsoDateTime,
  replyBy: z.optional(IsoDateTime),
  overdue: z.boolean(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;
export const CaseQueue = z.object({ letters: z.array(CaseSummary) });
export const CaseQueueQuery = z.strictObject({ status: z.optional(z.enum(['open', 'closed'])) });

export const LetterPath = z.strictObject({ letterId: Id });
/** As a resident types or reads it: either case, grouped with dashes or spaces (P5GS-Y8HP-EH) or not. */
export const QueryCodePath = z.strictObject({ code: QueryCode });

const Version = z.int().check(z.minimum(1));
export const LetterActionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('accept'), version: Version, note: z.optional(Text(1, LETTER_LIMITS.comment, '请填写内容')) }),
  z.strictObject({ action: z.literal('decline'), version: Version, reason: Text(2, LETTER_LIMITS.reason, '请填写不予受理的原因') }),
  z.strictObject({
    action: z.literal('transfer'),
    version: Version,
    toBranchId: Id,
    reason: Text(2, LETTER_LIMITS.reason, '请填写转办原因'),
  }),
  z.strictObject({
    action: z.literal('note'),
    version: Version,
    text: Text(1, LETTER_LIMITS.comment, '请填写内容'),
    internal: z.boolean(),
  }),
  z.strictObject({ action: z.literal('reply'), version: Version, text: Text(5, LETTER_LIMITS.reply, '答复至少 5 个字') }),
]);
export type LetterActionBody = z.infer<typeof LetterActionBody>;

export const RateLetterBody = z.strictObject({
  rating: Rating,
  comment: z.optional(Text(1, LETTER_LIMITS.comment, '请填写内容')),
});
export type RateLetterBody = z.infer<typeof RateLetterBody>;

/** What anyone holding the query code may see: the progress, never the text or the writer. */
export const LetterTracking = z.object({
  queryCode: z.string(),
  branchName: z.string(),
  category: LetterCategory,
  status: LetterStatus,
  createdAt: IsoDateTime,
  /** The same deadline the writer sees (a 代录 resident follows only by the code). */
  answerBy: z.optional(z.object({ kind: z.enum(['accept', 'reply']), at: IsoDateTime })),
  timeline: z.array(TimelineEntry),
});
export type LetterTracking = z.infer<typeof LetterTracking>;

/** 补充: more text and photos from the writer while the letter is open; a retry never adds it twice. */
export const SupplementLetterBody = z.strictObject({
  version: z.int().check(z.minimum(1)),
  text: Text(2, LETTER_LIMITS.comment, '请至少写 2 个字'),
  photos: z._default(
    uniqueItems(z.array(LetterPhotoKey).check(z.maxLength(LETTER_LIMITS.photos, `最多 ${LETTER_LIMITS.photos} 张照片`))),
    [],
  ),
  idempotencyKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, '幂等键格式不正确')),
});
export type SupplementLetterBody = z.infer<typeof SupplementLetterBody>;
/** 撤回 carries the version the writer saw: a handler who accepted meanwhile wins, and the writer sees it. */
export const WithdrawLetterBody = z.strictObject({ version: z.int().check(z.minimum(1)) });

/**
 * 代录: a station handler records a letter a resident brought by phone, in person or on paper. The resident's
 * name and phone are optional and sealed like an online writer's; a photo of the paper letter may go with it.
 */
export const RecordLetterBody = z.strictObject({
  branchId: Id,
  channel: LetterChannel,
  category: LetterCategory,
  text: Text(5, LETTER_LIMITS.text, '请至少写 5 个字'),
  residentName: z.optional(userText({ min: 1, max: 20, empty: '请填写姓名' })),
  residentPhone: z.optional(Phone),
  allowPublication: z._default(z.boolean(), false),
  photos: z._default(
    uniqueItems(z.array(LetterPhotoKey).check(z.maxLength(LETTER_LIMITS.photos, `最多 ${LETTER_LIMITS.photos} 张照片`))),
    [],
  ),
  idempotencyKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, '幂等键格式不正确')),
});
export type RecordLetterBody = z.infer<typeof RecordLetterBody>;

/** The 查询码 slip handed to the resident: enough to follow the letter, nothing about who they are. */
export const LetterSlip = z.object({
  queryCode: z.string(),
  branchName: z.string(),
  category: LetterCategory,
  channel: LetterChannel,
  createdAt: IsoDateTime,
  acceptBy: IsoDateTime,
});
export type LetterSlip = z.infer<typeof LetterSlip>;
export const RecordedLetter = z.object({ slip: LetterSlip, replayed: z.boolean() });

export const WrittenLetter = z.object({ letter: MyLetter, replayed: z.boolean() });
export const MyLetterList = z.object({ letters: z.array(MyLetter) });
export const CaseResult = z.object({ letter: CaseLetter });
export const MyLetterResult = z.object({ letter: MyLetter });

/* ---------- 三率, the public board and 微权说廉 ---------- */

/** One community's month (letters counted in the month they were received). */
export const LetterRates = z.object({
  received: z.int(),
  respondedInTime: z.int(),
  accepted: z.int(),
  replied: z.int(),
  rated: z.int(),
  satisfied: z.int(),
  /** 响应率: responded within the acceptance SLA / received. */
  responseRate: z.number(),
  /** 解决率: replied / accepted. */
  resolutionRate: z.number(),
  /** 满意率: (满意 + 基本满意) / rated. */
  satisfactionRate: z.number(),
});
export type LetterRates = z.infer<typeof LetterRates>;

export const LetterStats = z.object({
  month: z.string(),
  communities: z.array(z.object({ branchId: Id, name: z.string(), townshipId: Id, rates: LetterRates })),
});
export type LetterStats = z.infer<typeof LetterStats>;
export const LetterStatsQuery = z.strictObject({
  month: z.optional(MonthKey),
  townshipId: z.optional(Id),
});

export const PublicBoard = z.object({
  branchId: Id,
  townshipId: Id,
  branchName: z.string(),
  month: z.string(),
  rates: LetterRates,
  /** Letters whose writers allowed publication, answered, with personal data removed. */
  letters: z.array(
    z.object({ category: LetterCategory, text: z.string(), reply: z.optional(z.string()), status: LetterStatus, createdAt: IsoDateTime }),
  ),
});
export type PublicBoard = z.infer<typeof PublicBoard>;

export const IntegrityCommitment = z.strictObject({
  /** 职务, e.g. 社区党委书记 */
  position: userText({ min: 1, max: 30, empty: '请填写职务' }),
  name: userText({ min: 1, max: 20, empty: '请填写姓名' }),
  /** The small powers this post holds (小微权力清单). */
  powers: z.array(userText({ min: 1, max: 60 })).check(z.maxLength(20)),
  commitment: userText({ min: 5, max: 500, empty: '承诺至少 5 个字', multiline: true }),
});
export type IntegrityCommitment = z.infer<typeof IntegrityCommitment>;

/** 微权说廉: a community's published commitments, readable by every resident. */
export const IntegrityBoard = z.object({
  branchId: Id,
  townshipId: Id,
  branchName: z.string(),
  commitments: z.array(IntegrityCommitment),
  updatedAt: z.optional(IsoDateTime),
  version: z.int(),
});
export type IntegrityBoard = z.infer<typeof IntegrityBoard>;
export const PutIntegrityBoardBody = z.strictObject({
  commitments: z.array(IntegrityCommitment).check(z.maxLength(30)),
  /** The version the editor saw (0 when none was published yet). */
  version: z.int().check(z.minimum(0)),
});
export type PutIntegrityBoardBody = z.infer<typeof PutIntegrityBoardBody>;
export const BoardQuery = z.strictObject({ month: z.optional(MonthKey) });

/* ---------- 社区半月谈: the biweekly meeting ---------- */

export const MeetingAgendaItem = z.object({ letterId: Id, queryCode: z.string(), category: LetterCategory, excerpt: z.string() });
export const Meeting = z.object({
  id: Id,
  branchId: Id,
  branchName: z.string(),
  date: z.string(),
  status: z.enum(['planned', 'held']),
  agenda: z.array(MeetingAgendaItem),
  minutes: z.optional(z.string()),
  version: z.int(),
});
export type Meeting = z.infer<typeof Meeting>;
export const MeetingList = z.object({ meetings: z.array(Meeting) });
export const CreateMeetingBody = z.strictObject({ date: DayKey });
export const MeetingPath = z.strictObject({ meetingId: Id });
export const AddAgendaBody = z.strictObject({ letterId: Id, letterVersion: z.int().check(z.minimum(1)) });
export const RecordMinutesBody = z.strictObject({
  minutes: userText({ min: 10, max: 5000, empty: '纪要至少 10 个字', multiline: true }),
  version: z.int().check(z.minimum(1)),
});
