import type { ReportRepository } from './report-repository';
import type { RulesRepository } from './rules-repository';

export type { ReportCounters } from './daily-report';
export type { StoredExemption } from './rules-repository';

/** The district's holidays and leave days (a day or a month at a time). */
export type HolidayReader = Pick<RulesRepository, 'listExemptions'>;

/** The district's calendar entries: holidays, leave and 调休 make-up working days (see working-calendar.ts). */
export type CalendarReader = Pick<RulesRepository, 'listCalendar'>;
export { calendarForWorkingDays, calendarMonths, districtCalendar } from './working-calendar';

/** A branch's daily reports over a range (a key task's page shows the report items that named it). */
export type ReportRangeReader = Pick<ReportRepository, 'listRange'>;

/**
 * Branches' quarter counters of daily-report compliance (submitted, on time, late), as the ranking reads
 * them: batched reads of the counters only, never a report. A branch that filed nothing is absent.
 */
export type QuarterStatsReader = Pick<ReportRepository, 'quarterStatsOf'>;

/** The district's daily rules (deadline, backfill window, reminder time). */
export type DailyRulesReader = Pick<RulesRepository, 'getDailyRules'>;
