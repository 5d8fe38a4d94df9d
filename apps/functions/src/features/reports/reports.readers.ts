import type { ReportRepository } from './report-repository';
import type { RulesRepository } from './rules-repository';

export type { StoredExemption } from './rules-repository';

/** The district's holidays and leave days (a day or a month at a time). */
export type HolidayReader = Pick<RulesRepository, 'listExemptions'>;

/** A branch's daily reports over a range (a key task's page shows the report items that named it). */
export type ReportRangeReader = Pick<ReportRepository, 'listRange'>;
