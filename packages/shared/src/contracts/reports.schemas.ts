import '../zod-config';
import * as z from 'zod/mini';
import { BranchType, Star } from '../enums';
import { DayKey, Id, IsoDateTime, MonthKey, PHOTO_CONTENT_TYPES, UPLOAD_LIMITS, uniqueItems } from './common.contract';
import { userText } from './user-text';

export const REPORT_LIMITS = {
  items: 20,
  itemText: 500,
  problems: 1000,
  plan: 1000,
  photos: 9,
  comment: 500,
  maxRangeDays: 92,
} as const;

const Text = (max: number) => userText({ max, multiline: true });

export const ReportItem = z.strictObject({
  star: Star,
  /** A key task of the branch's star set (catalogue ids arrive with the star catalogue). */
  taskId: z.optional(Id),
  text: userText({ min: 1, max: REPORT_LIMITS.itemText, empty: '请填写工作内容', multiline: true }),
});
export type ReportItem = z.infer<typeof ReportItem>;

export const COUNT_KEYS = ['householdsVisited', 'disputesResolved', 'meetingsHeld', 'activitiesHeld', 'peopleServed'] as const;
export const COUNT_LABELS: Record<(typeof COUNT_KEYS)[number], string> = {
  householdsVisited: '走访农户/居民（户）',
  disputesResolved: '化解矛盾纠纷（件）',
  meetingsHeld: '召开会议（次）',
  activitiesHeld: '开展活动（场）',
  peopleServed: '服务群众（人次）',
};
const Count = z.optional(z.int().check(z.minimum(0, '不能为负数'), z.maximum(100_000, '数值过大')));
export const ReportCounts = z.strictObject({
  householdsVisited: Count,
  disputesResolved: Count,
  meetingsHeld: Count,
  activitiesHeld: Count,
  peopleServed: Count,
});

/** A photo already uploaded through the presigned POST; the server checks it exists, its type and size. */
export const PhotoRef = z.strictObject({
  key: z
    .string()
    .check(z.regex(/^daily-report\/[A-Za-z0-9_-]{1,64}\/\d{4}-\d{2}-\d{2}\/[A-Za-z0-9]{10,40}\.(jpg|png|webp)$/, '照片编号无效')),
  thumbKey: z.optional(
    z
      .string()
      .check(z.regex(/^daily-report\/[A-Za-z0-9_-]{1,64}\/\d{4}-\d{2}-\d{2}\/[A-Za-z0-9]{10,40}\.(jpg|png|webp)$/, '缩略图编号无效')),
  ),
});
export type PhotoRef = z.infer<typeof PhotoRef>;

export const ReportContent = z.strictObject({
  items: z.array(ReportItem).check(z.minLength(1, '至少填写一项工作'), z.maxLength(REPORT_LIMITS.items, `最多 ${REPORT_LIMITS.items} 项`)),
  counts: z._default(ReportCounts, {}),
  problems: z._default(Text(REPORT_LIMITS.problems), ''),
  tomorrowPlan: z._default(Text(REPORT_LIMITS.plan), ''),
  photos: z._default(uniqueItems(z.array(PhotoRef).check(z.maxLength(REPORT_LIMITS.photos, `最多 ${REPORT_LIMITS.photos} 张照片`))), []),
});
export type ReportContent = z.infer<typeof ReportContent>;

/**
 * File or edit the day's report. The client makes `idempotencyKey` once per submission attempt, so a retry
 * never duplicates. Without `expectedVersion` this files the first report of the day; with it, it edits
 * that version (a stale one gets 409).
 */
export const SubmitReportBody = z.strictObject({
  content: ReportContent,
  idempotencyKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, '幂等键格式不正确')),
  expectedVersion: z.optional(z.int().check(z.minimum(1))),
});
export type SubmitReportBody = z.infer<typeof SubmitReportBody>;

export const REPORT_STATUSES = ['on_time', 'late'] as const;
export const ReportStatus = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatus>;
export const REPORT_STATUS_LABELS: Record<ComplianceStatus, string> = {
  on_time: '已提交',
  late: '迟交',
  missing: '未提交',
  exempt: '免报',
};

export const DailyReport = z.object({
  branchId: Id,
  townshipId: Id,
  day: DayKey,
  status: ReportStatus,
  content: ReportContent,
  version: z.int(),
  submittedAt: IsoDateTime,
  submittedBy: Id,
  updatedAt: IsoDateTime,
  updatedBy: Id,
});
export type DailyReport = z.infer<typeof DailyReport>;

export const ReportComment = z.object({
  id: Id,
  authorId: Id,
  authorName: z.string(),
  authorRole: z.string(),
  text: z.string(),
  createdAt: IsoDateTime,
});
export type ReportComment = z.infer<typeof ReportComment>;

export const ReportRevision = z.object({
  version: z.int(),
  editedBy: Id,
  editedByName: z.string(),
  editedAt: IsoDateTime,
});

export const ReportDetail = z.object({
  report: DailyReport,
  comments: z.array(ReportComment),
  revisions: z.array(ReportRevision),
  /** Short-lived URLs to show the photos (and thumbnails where uploaded), in `content.photos` order. */
  photoUrls: z.array(z.object({ url: z.string(), thumbUrl: z.optional(z.string()) })),
});
export type ReportDetail = z.infer<typeof ReportDetail>;

export const SubmitReportResult = z.object({ report: DailyReport, replayed: z.boolean() });

export const ReportPath = z.strictObject({ branchId: Id, day: DayKey });
export const BranchReportsPath = z.strictObject({ branchId: Id });
export const DayRangeQuery = z.strictObject({ from: DayKey, to: DayKey });

export const ReportSummary = z.object({
  day: DayKey,
  status: ReportStatus,
  itemCount: z.int(),
  photoCount: z.int(),
  stars: z.array(Star),
  submittedAt: IsoDateTime,
  version: z.int(),
});
export const ReportList = z.object({ branchId: Id, reports: z.array(ReportSummary) });

export const AddCommentBody = z.strictObject({
  text: userText({ min: 1, max: REPORT_LIMITS.comment, empty: '请填写批注', multiline: true }),
});

/* ---------- compliance ---------- */

export const COMPLIANCE_STATUSES = ['on_time', 'late', 'missing', 'exempt'] as const;
export const ComplianceStatus = z.enum(COMPLIANCE_STATUSES);
export type ComplianceStatus = z.infer<typeof ComplianceStatus>;

export const ComplianceCounts = z.object({
  branches: z.int(),
  expected: z.int(),
  onTime: z.int(),
  late: z.int(),
  missing: z.int(),
  exempt: z.int(),
  /** (on time + late) / expected, 0–1; 1 when nothing is expected. */
  rate: z.number(),
});
export type ComplianceCounts = z.infer<typeof ComplianceCounts>;

export const TownshipDayCompliance = z.object({
  township: z.object({ id: Id, name: z.string() }),
  day: DayKey,
  deadline: z.string(),
  /** Before the deadline, missing branches may still file on time. */
  deadlinePassed: z.boolean(),
  counts: ComplianceCounts,
  branches: z.array(
    z.object({
      branchId: Id,
      name: z.string(),
      type: BranchType,
      status: ComplianceStatus,
      submittedAt: z.optional(IsoDateTime),
      exemptReason: z.optional(z.string()),
    }),
  ),
});
export type TownshipDayCompliance = z.infer<typeof TownshipDayCompliance>;

export const DistrictDayCompliance = z.object({
  day: DayKey,
  townships: z.array(z.object({ townshipId: Id, name: z.string(), isDemo: z.boolean(), counts: ComplianceCounts })),
  totals: ComplianceCounts,
});
export type DistrictDayCompliance = z.infer<typeof DistrictDayCompliance>;

export const DayQuery = z.strictObject({ day: z.optional(DayKey) });
export const MonthQuery = z.strictObject({ month: z.optional(MonthKey) });

export const BranchCalendar = z.object({
  branchId: Id,
  month: MonthKey,
  days: z.array(
    z.object({ day: DayKey, status: z.union([ComplianceStatus, z.literal('upcoming')]), submittedAt: z.optional(IsoDateTime) }),
  ),
  counts: z.object({ onTime: z.int(), late: z.int(), missing: z.int(), exempt: z.int() }),
});
export type BranchCalendar = z.infer<typeof BranchCalendar>;

/* ---------- rules and exemptions ---------- */

export const DailyRules = z.strictObject({
  /** HH:MM, Asia/Shanghai. A first submission after it is late. */
  deadline: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM')),
  /** How many days back a report may still be filed (1 = today and yesterday). */
  maxBackfillDays: z.int().check(z.minimum(0), z.maximum(7)),
  /** Scheduled reminder time (HH:MM, Asia/Shanghai) for branches still missing. */
  reminderTime: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM')),
});
export type DailyRules = z.infer<typeof DailyRules>;
export const DEFAULT_DAILY_RULES: DailyRules = { deadline: '22:00', maxBackfillDays: 1, reminderTime: '20:00' };

export const Exemption = z.object({
  id: Id,
  day: DayKey,
  /** Absent: a holiday (or a make-up working day) for the whole district. */
  branchId: z.optional(Id),
  /**
   * `workday`: a 调休 make-up working day of the whole district (a weekend day worked), which the letters'
   * SLA and 倒排工期 count as a working day; it exempts nobody. Absent: a holiday or a branch's leave.
   */
  kind: z.optional(z.literal('workday')),
  reason: z.string(),
  createdBy: Id,
  createdAt: IsoDateTime,
});
export type Exemption = z.infer<typeof Exemption>;
export const CreateExemptionBody = z
  .strictObject({
    day: DayKey,
    branchId: z.optional(Id),
    /** `workday`: record a 调休 make-up working day (district admins, a Saturday or Sunday, no branch). */
    kind: z.optional(z.literal('workday')),
    reason: userText({ min: 1, max: 100, empty: '请填写原因' }),
  })
  .check(z.refine((b) => !(b.kind === 'workday' && b.branchId), { message: '调休上班日是全区的，不能指定支部', path: ['branchId'] }));
export type CreateExemptionBody = z.infer<typeof CreateExemptionBody>;
export const ExemptionList = z.object({ exemptions: z.array(Exemption) });
export const ExemptionPath = z.strictObject({ exemptionId: Id });

/* ---------- reminders ---------- */

export const RemindBody = z.strictObject({ day: z.optional(DayKey) });
/**
 * What a reminder did, honestly: every reached branch's people have it in their 消息中心; `recipients` of them
 * also got it on WeChat (locally: the outbox); the others are named in `inboxOnly` (no consent left, or WeChat
 * could not deliver). A missing branch with nobody bound to file is `unbound`: nobody was told.
 */
export const RemindResult = z.object({
  day: DayKey,
  /** Branches still missing the day's report. */
  branches: z.int(),
  /** People the reminder reached on WeChat. */
  recipients: z.int(),
  reached: z.array(z.object({ branchId: Id, name: z.string(), people: z.int() })),
  unbound: z.array(z.object({ branchId: Id, name: z.string() })),
  inboxOnly: z.array(z.object({ userId: Id, name: z.string(), branchId: Id, branchName: z.string() })),
});
export type RemindResult = z.infer<typeof RemindResult>;

/** Who files each branch's report: the missing-branch list offers a call to those who gave a phone number. */
export const BranchFilers = z.object({
  branches: z.array(
    z.object({
      branchId: Id,
      filers: z.array(z.object({ userId: Id, name: z.string(), role: z.enum(['cadre', 'secretary']), phone: z.optional(z.string()) })),
    }),
  ),
});
export type BranchFilers = z.infer<typeof BranchFilers>;

/* ---------- photos ---------- */

export const PresignPhotoBody = z.strictObject({
  branchId: Id,
  day: DayKey,
  variant: z.enum(['photo', 'thumb']),
  contentType: z.enum(PHOTO_CONTENT_TYPES),
  /** Bytes the client is about to send; refused up front when over the limit. */
  size: z.int().check(z.minimum(1), z.maximum(UPLOAD_LIMITS.photo)),
});
export type PresignPhotoBody = z.infer<typeof PresignPhotoBody>;
