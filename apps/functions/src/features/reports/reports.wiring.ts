import { objectStorage } from '../../platform/storage/storage.wiring';
import type { Wiring } from '../../platform/wiring';
import { xlsxWriter } from '../../platform/xlsx/xlsx-writer';
import { catalogueReader } from '../catalogue/catalogue.wiring';
import { bindingReader, peopleReader } from '../identity/identity.wiring';
import { noticesPort } from '../inbox/inbox.wiring';
import { orgReader } from '../org/org.wiring';
import { CachedRulesRepository } from './cached-rules-repository';
import { DynamoHolidayReader } from './holiday-reader.dynamodb';
import type { ReminderRunLedger } from './reminder-run-ledger';
import { DynamoReminderRunLedger } from './reminder-run-ledger.dynamodb';
import type { ReportRepository } from './report-repository';
import { DynamoReportRepository } from './report-repository.dynamodb';
import type { ReportsPorts } from './reports.ports';
import type { CalendarReader, DailyRulesReader, HolidayReader, QuarterStatsReader, ReportRangeReader } from './reports.readers';
import type { RulesRepository } from './rules-repository';
import { DynamoRulesRepository } from './rules-repository.dynamodb';

type Adapters = Pick<Wiring, 'doc' | 'table' | 'once'>;

export function reportRepository(w: Adapters): ReportRepository {
  return w.once('reports', () => new DynamoReportRepository(w.doc, w.table));
}

/** Read on every submission, so cached per container (the same instance as the legacy composition's). */
export function rulesRepository(w: Adapters): RulesRepository {
  return w.once('rules', () => new CachedRulesRepository(new DynamoRulesRepository(w.doc, w.table)));
}

/** The scheduled reminder's at-most-once ledger (the reminder job takes it beside the ports). */
export const reminderRunLedger = (w: Pick<Wiring, 'doc' | 'table'>): ReminderRunLedger => new DynamoReminderRunLedger(w.doc, w.table);

export const reportsPorts = (w: Wiring): ReportsPorts => ({
  ...w.kernel,
  people: peopleReader(w),
  reports: reportRepository(w),
  rules: rulesRepository(w),
  org: orgReader(w),
  users: bindingReader(w),
  catalogue: catalogueReader(w),
  storage: objectStorage(w),
  notices: noticesPort(w),
  spreadsheets: xlsxWriter,
});

/** For the features that skip holidays and leave (plans' due dates, the mailbox's working days, the ranking). */
export const holidayReader = (w: Adapters): HolidayReader => w.once('holidays', () => new DynamoHolidayReader(w.doc, w.table));
/** For the working-day calendar (the mailbox's SLA, 倒排工期): holidays and 调休 make-up working days. */
export const calendarReader = (w: Adapters): CalendarReader => w.once('holidays', () => new DynamoHolidayReader(w.doc, w.table));

/** For the plans: a key task's page shows the report items that named it. */
export const reportRangeReader = (w: Adapters): ReportRangeReader => reportRepository(w);

/** For the ranking: each branch's daily-report counters of the quarter. */
export const quarterStatsReader = (w: Adapters): QuarterStatsReader => reportRepository(w);

/** For the ranking: the district's daily rules. */
export const dailyRulesReader = (w: Adapters): DailyRulesReader => rulesRepository(w);
