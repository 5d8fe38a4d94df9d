import type { DailyRules } from '@chuangxing/shared';
import { defineEntity, pad } from '../../platform/dynamodb/entity';
import type { Comment, DailyReport, ReportCounters, Revision, Submission } from './daily-report';
import type { StoredExemption } from './rules-repository';

/**
 * 每日一报告 in the single table. Access patterns (pk / sk):
 * - a branch's report for a day (+ revisions, comments): BR#{b} / RPT#{day}[#REV#{0001} | #CMT#{id}]
 * - a branch's reports over a range:             BR#{b} / between RPT#{from} and RPT#{to}~
 * - branch month and quarter counters:           BR#{b} / STAT#M#{yyyy-mm}, STAT#Q#{yyyy-Qn}
 * - a township's filed branches for a day:       TWN#{t}#DAY#{day} / BR#{b}
 * - the district's townships for a day:          DIST#{d}#DAY#{day} / TWN#{t}  (counters)
 * - daily rules:                                 DIST#{d} / RULES#DAILY
 * - holidays, make-up working days (kind workday) and leave by day or month:
 *                                                DIST#{d}#EXEMPT / {day}#{branchId | *}
 * - one scheduled-reminder run per district-day: DIST#{d}#REMINDRUN / {day}  (ttl 90 days)
 *
 * Only the report, its revisions and comments, and the reminder runs carry an `entity` attribute; the
 * counters, markers, rules and exemptions never did, and stay so (existing items must keep working).
 */

const branchPk = (branchId: string) => `BR#${branchId}`;
const townshipDayPk = (townshipId: string, day: string) => `TWN#${townshipId}#DAY#${day}`;
const districtDayPk = (districtId: string, day: string) => `DIST#${districtId}#DAY#${day}`;
const exemptionsPk = (districtId: string) => `DIST#${districtId}#EXEMPT`;

const COUNTER_FIELDS = ['submitted', 'onTime', 'late'] as const;

/** The stored rules carry who changed them last. */
export type StoredDailyRules = DailyRules & { updatedBy: string; updatedAt: string };

/** The counters of one township's day (the district's day is one query over these). */
export interface TownshipDayRollup extends Partial<ReportCounters> {
  townshipId: string;
}

/** The record of one scheduled reminder run (the claim, then what it did). */
export interface ReminderRun {
  districtId: string;
  day: string;
  startedAt: string;
  summary?: Record<string, unknown>;
}

export const REMINDER_RUN_TTL_SECONDS = 90 * 86_400;

export const reportsEntities = {
  report: defineEntity<DailyReport, { branchId: string; day: string }>({
    name: 'report',
    key: (k) => ({ pk: branchPk(k.branchId), sk: `RPT#${k.day}` }),
    fields: [
      'branchId',
      'townshipId',
      'districtId',
      'day',
      'status',
      'content',
      'version',
      'submittedAt',
      'submittedBy',
      'updatedAt',
      'updatedBy',
      'lastIdempotencyKey',
    ],
  }),
  revision: defineEntity<Revision, { branchId: string; day: string; version: number }>({
    name: 'report-revision',
    key: (k) => ({ pk: branchPk(k.branchId), sk: `RPT#${k.day}#REV#${pad(k.version)}` }),
    fields: ['version', 'editedBy', 'editedByName', 'editedAt'],
  }),
  comment: defineEntity<Comment, { branchId: string; day: string; id: string }>({
    name: 'report-comment',
    key: (k) => ({ pk: branchPk(k.branchId), sk: `RPT#${k.day}#CMT#${k.id}` }),
    fields: ['id', 'authorId', 'authorName', 'authorRole', 'text', 'createdAt'],
  }),
  /** Counters, only ever added to (never put): no `entity`. */
  monthStats: defineEntity<ReportCounters, { branchId: string; month: string }>({
    untagged: true,
    name: 'report-month-stats',
    key: (k) => ({ pk: branchPk(k.branchId), sk: `STAT#M#${k.month}` }),
    fields: COUNTER_FIELDS,
  }),
  quarterStats: defineEntity<ReportCounters, { branchId: string; quarter: string }>({
    untagged: true,
    name: 'report-quarter-stats',
    key: (k) => ({ pk: branchPk(k.branchId), sk: `STAT#Q#${k.quarter}` }),
    fields: COUNTER_FIELDS,
  }),
  /** One marker per filed branch-day, so a township's day is one query. */
  townshipDayMarker: defineEntity<Submission, { townshipId: string; day: string; branchId: string }>({
    untagged: true,
    name: 'report-marker',
    key: (k) => ({ pk: townshipDayPk(k.townshipId, k.day), sk: `BR#${k.branchId}` }),
    fields: ['branchId', 'status', 'submittedAt'],
  }),
  /** Per-township counters for a day, so the district's day is one query. */
  townshipDayRollup: defineEntity<TownshipDayRollup, { districtId: string; day: string; townshipId: string }>({
    untagged: true,
    name: 'report-rollup',
    key: (k) => ({ pk: districtDayPk(k.districtId, k.day), sk: `TWN#${k.townshipId}` }),
    fields: ['townshipId', ...COUNTER_FIELDS],
  }),
  dailyRules: defineEntity<StoredDailyRules, { districtId: string }>({
    untagged: true,
    name: 'daily-rules',
    key: (k) => ({ pk: `DIST#${k.districtId}`, sk: 'RULES#DAILY' }),
    fields: ['deadline', 'maxBackfillDays', 'reminderTime', 'updatedBy', 'updatedAt'],
  }),
  exemption: defineEntity<StoredExemption, { districtId: string; day: string; branchId?: string }>({
    untagged: true,
    name: 'exemption',
    key: (k) => ({ pk: exemptionsPk(k.districtId), sk: `${k.day}#${k.branchId ?? '*'}` }),
    fields: ['id', 'districtId', 'day', 'branchId', 'townshipId', 'reason', 'createdBy', 'createdAt', 'kind'],
  }),
  reminderRun: defineEntity<ReminderRun, { districtId: string; day: string }>({
    name: 'reminderRun',
    key: (k) => ({ pk: `DIST#${k.districtId}#REMINDRUN`, sk: k.day }),
    fields: ['districtId', 'day', 'startedAt', 'summary'],
  }),
};

/** Partitions queried whole (or by sort-key prefix). */
export const reportsPartitions = {
  /** A township's markers of a day. */
  townshipDay: townshipDayPk,
  /** The district's township rollups of a day. */
  districtDay: districtDayPk,
  /** Holidays and leave; sort keys start with the day (so a month is a prefix). */
  exemptions: exemptionsPk,
};
