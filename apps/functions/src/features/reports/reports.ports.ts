import type { Kernel } from '../../platform/kernel/kernel';
import type { Notices } from '../../platform/notify/notices';
import type { ObjectStorage } from '../../platform/storage/object-storage';
import type { SpreadsheetWriter } from '../../platform/xlsx/spreadsheet';
import type { CatalogueReader } from '../catalogue/catalogue.readers';
import type { BindingReader, PeopleReader } from '../identity/identity.readers';
import type { OrgReader } from '../org/org.readers';
import type { ReportRepository } from './report-repository';
import type { RulesRepository } from './rules-repository';

/** What the daily reports' use cases take. */
export interface ReportsPorts extends Kernel {
  reports: ReportRepository;
  /** The daily rules, holidays and leave. */
  rules: RulesRepository;
  /** Townships and branches: scope checks, compliance, the scheduled reminder's townships. */
  org: OrgReader;
  /** The bindings of a township: who is reminded. */
  users: BindingReader;
  /** Current names for the edit history and the comments. */
  people: PeopleReader;
  /** The standards in force: a report item's key task must be one of them. */
  catalogue: CatalogueReader;
  /** Report photos: presigned uploads, the check at submission, short-lived read URLs. */
  storage: ObjectStorage;
  /** Reminders: the 消息中心, and WeChat where consented. */
  notices: Notices;
  /** The compliance export. */
  spreadsheets: SpreadsheetWriter;
}
