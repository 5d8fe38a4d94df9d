import { objectStorage } from '../../platform/storage/storage.wiring';
import type { Wiring } from '../../platform/wiring';
import { catalogueReader } from '../catalogue/catalogue.wiring';
import { bindingReader, peopleReader } from '../identity/identity.wiring';
import { noticesPort } from '../inbox/inbox.wiring';
import { findingsReader } from '../inspections/inspections.wiring';
import { orgReader } from '../org/org.wiring';
import { calendarReader, reportRangeReader } from '../reports/reports.wiring';
import type { PlanRepository } from './plan-repository';
import { DynamoPlanRepository } from './plan-repository.dynamodb';
import type { PlansPorts } from './plans.ports';
import type { ApprovedPlansReader, TaskStateReader } from './plans.readers';

/** One plan repository per process: the board, the plans and the ranking's reader share it. */
export function planRepository(w: Pick<Wiring, 'doc' | 'table' | 'once'>): PlanRepository {
  return w.once('plans', () => new DynamoPlanRepository(w.doc, w.table));
}

export const plansPorts = (w: Wiring): PlansPorts => ({
  ...w.kernel,
  people: peopleReader(w),
  plans: planRepository(w),
  org: orgReader(w),
  catalogue: catalogueReader(w),
  inspections: findingsReader(w),
  calendar: calendarReader(w),
  reports: reportRangeReader(w),
  storage: objectStorage(w),
  users: bindingReader(w),
  notices: noticesPort(w),
});

/** For the ranking: each key task's latest state in a township and year. */
export const taskStateReader = (w: Wiring): TaskStateReader => planRepository(w);

/** For the ranking: the stars each branch holds and targets in its approved plan. */
export const approvedPlansReader = (w: Wiring): ApprovedPlansReader => planRepository(w);
