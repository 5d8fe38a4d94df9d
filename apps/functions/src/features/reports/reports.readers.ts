import { publicHolidaysBetween } from '../../platform/kernel/cn-public-holidays';
import { addDays } from '../../platform/kernel/shanghai-time';
import { WorkingCalendar } from '../../platform/kernel/working-calendar';
import type { ReportRepository } from './report-repository';
import type { RulesRepository, StoredExemption } from './rules-repository';

export type { ReportCounters } from './daily-report';
export type { StoredExemption } from './rules-repository';

/** The district's holidays and leave days (a day or a month at a time). */
export type HolidayReader = Pick<RulesRepository, 'listExemptions'>;

/** The district's calendar entries: holidays, leave and 调休 make-up working days (the working-day calendar below). */
export type CalendarReader = Pick<RulesRepository, 'listCalendar'>;

/** A branch's daily reports over a range (a key task's page shows the report items that named it). */
export type ReportRangeReader = Pick<ReportRepository, 'listRange'>;

/**
 * Branches' quarter counters of daily-report compliance (submitted, on time, late), as the ranking reads
 * them: batched reads of the counters only, never a report. A branch that filed nothing is absent.
 */
export type QuarterStatsReader = Pick<ReportRepository, 'quarterStatsOf'>;

/** The district's daily rules (deadline, backfill window, reminder time). */
export type DailyRulesReader = Pick<RulesRepository, 'getDailyRules'>;

/* ---------- the working-day calendar: how the mailbox's SLA and 倒排工期 read it ---------- */

/** The months (`yyyy-mm`) from `from`'s to `to`'s, whose entries a calendar over that span reads: at most 24. */
export function calendarMonths(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7) && months.length < 24; ) {
    months.push(m);
    const [y, mm] = m.split('-').map(Number);
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
  }
  return months;
}

/**
 * The district's working-day calendar over [from, to]: the State Council's published holidays and 调休
 * make-up working days, with the district's own entries over them (a day the district recorded, as a
 * holiday or as a make-up working day, wins). A branch's leave changes nobody's working days.
 */
export function calendarOf(entries: readonly StoredExemption[], from: string, to: string): WorkingCalendar {
  const national = publicHolidaysBetween(from, to);
  const district = new Map(entries.filter((e) => !e.branchId).map((e) => [e.day, e.kind === 'workday' ? 'workday' : 'holiday']));
  const holidays = new Set(national.holidays.filter((d) => !district.has(d)));
  const workdays = new Set(national.workdays.filter((d) => !district.has(d)));
  for (const [day, kind] of district) (kind === 'workday' ? workdays : holidays).add(day);
  return new WorkingCalendar({ holidays, workdays });
}

/** The calendar over [from, to], one query per month. */
export async function districtCalendar(reader: CalendarReader, districtId: string, from: string, to: string): Promise<WorkingCalendar> {
  const lists = await Promise.all(calendarMonths(from, to).map((m) => reader.listCalendar(districtId, m)));
  return calendarOf(lists.flat(), from, to);
}

/**
 * A calendar that knows every day up to the `n`th working day after `fromDay`. N working days rarely take
 * more than 7n/5 calendar days plus a long holiday; when they do, it reads further.
 */
export async function calendarForWorkingDays(
  reader: CalendarReader,
  districtId: string,
  fromDay: string,
  n: number,
): Promise<WorkingCalendar> {
  for (let span = Math.ceil((n * 7) / 5) + 14; ; span *= 2) {
    const to = addDays(fromDay, span);
    const calendar = await districtCalendar(reader, districtId, fromDay, to);
    if (calendar.addWorkingDays(fromDay, n) <= to) return calendar;
  }
}
