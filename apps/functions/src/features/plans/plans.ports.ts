import type { Kernel } from '../../platform/kernel/kernel';
import type { Notices } from '../../platform/notify/notices';
import type { ObjectStorage } from '../../platform/storage/object-storage';
import type { CatalogueReader } from '../catalogue/catalogue.readers';
import type { BindingReader, PeopleReader } from '../identity/identity.readers';
import type { FindingsReader } from '../inspections/inspections.readers';
import type { OrgReader } from '../org/org.readers';
import type { CalendarReader, ReportRangeReader } from '../reports/reports.readers';
import type { PlanRepository } from './plan-repository';

/** What the plans' use cases take: 创星计划, key-task progress, 倒排工期 and the 挂图作战 board. */
export interface PlansPorts extends Kernel {
  plans: PlanRepository;
  /** The branches and townships a plan and a board sheet belong to. */
  org: OrgReader;
  /** The key tasks and 一票否决 items of the version a plan was made under. */
  catalogue: CatalogueReader;
  /** The 问题清单 the board counts against each star. */
  inspections: FindingsReader;
  /** The district's working-day calendar (holidays, 调休 make-up working days): SLA deadlines and 倒排工期 count on it. */
  calendar: CalendarReader;
  /** A branch's daily reports: a key task's page shows the report items that named it. */
  reports: ReportRangeReader;
  /** Evidence photos of key-task updates. */
  storage: ObjectStorage;
  /** Current names of the people who reported each task's progress. */
  people: PeopleReader;
  /** The branch's cadres and secretary, told when their plan is approved or returned. */
  users: BindingReader;
  notices: Notices;
}
