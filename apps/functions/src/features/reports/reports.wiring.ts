import { createNotifier } from '../../platform/notify/create-notifier';
import type { Notifier } from '../../platform/notify/notifier';
import { createObjectStorage } from '../../platform/storage/create-object-storage';
import type { ObjectStorage } from '../../platform/storage/object-storage';
import type { Wiring } from '../../platform/wiring';
import { catalogueReader } from '../catalogue/catalogue.wiring';
import type { BindingReader } from '../identity/identity.readers';
import { DynamoUserRepository } from '../identity/user-repository.dynamodb';
import type { OrgReader } from '../org/org.readers';
import { DynamoOrgRepository } from '../org/org-repository.dynamodb';
import { CachedRulesRepository } from './cached-rules-repository';
import type { ReminderRunLedger } from './reminder-run-ledger';
import { DynamoReminderRunLedger } from './reminder-run-ledger.dynamodb';
import type { ReportRepository } from './report-repository';
import { DynamoReportRepository } from './report-repository.dynamodb';
import type { ReportsPorts } from './reports.ports';
import type { DailyRulesReader, HolidayReader, QuarterStatsReader, ReportRangeReader } from './reports.readers';
import type { LetterRulesStore, RulesRepository } from './rules-repository';
import { DynamoRulesRepository } from './rules-repository.dynamodb';

type Adapters = Pick<Wiring, 'doc' | 'table' | 'once'>;

export function reportRepository(w: Adapters): ReportRepository {
  return w.once('reports', () => new DynamoReportRepository(w.doc, w.table));
}

/** Read on every submission, so cached per container (the same instance as the legacy composition's). */
export function rulesRepository(w: Adapters): RulesRepository & LetterRulesStore {
  return w.once('rules', () => new CachedRulesRepository(new DynamoRulesRepository(w.doc, w.table)));
}

/** The scheduled reminder's at-most-once ledger (the reminder job takes it beside the ports). */
export const reminderRunLedger = (w: Pick<Wiring, 'doc' | 'table'>): ReminderRunLedger => new DynamoReminderRunLedger(w.doc, w.table);

/*
 * Shared adapters of the platform and other features, under the keys the legacy composition
 * (handlers/compose-*.ts) uses, so a process builds each once. The org and identity readers are built here
 * until their features' wiring exports them.
 */
const orgReader = (w: Adapters): OrgReader => w.once('org', () => new DynamoOrgRepository(w.doc, w.table));
const bindingReader = (w: Adapters): BindingReader => w.once('users', () => new DynamoUserRepository(w.doc, w.table));
const objectStorage = (w: Wiring): ObjectStorage =>
  w.once('storage', () =>
    createObjectStorage(w.config, { baseUrl: w.local?.baseUrl ?? (() => ''), signingKey: w.secrets.tokenSigningKey }),
  );
const notifier = (w: Wiring): Notifier =>
  w.once('notifier', () => createNotifier(w.config, { doc: w.doc, clock: w.clock, appSecret: w.appSecret }));

export const reportsPorts = (w: Wiring): ReportsPorts => ({
  ...w.kernel,
  reports: reportRepository(w),
  rules: rulesRepository(w),
  org: orgReader(w),
  users: bindingReader(w),
  catalogue: catalogueReader(w),
  storage: objectStorage(w),
  notifier: notifier(w),
});

/** For the features that skip holidays and leave (plans' due dates, the mailbox's working days, the ranking). */
export const holidayReader = (w: Adapters): HolidayReader => rulesRepository(w);

/** For the plans: a key task's page shows the report items that named it. */
export const reportRangeReader = (w: Adapters): ReportRangeReader => reportRepository(w);

/** For the ranking: each branch's daily-report counters of the quarter. */
export const quarterStatsReader = (w: Adapters): QuarterStatsReader => reportRepository(w);

/** For the ranking: the district's daily rules. */
export const dailyRulesReader = (w: Adapters): DailyRulesReader => rulesRepository(w);
