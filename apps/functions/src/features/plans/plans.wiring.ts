import { createObjectStorage } from '../../platform/storage/create-object-storage';
import type { ObjectStorage } from '../../platform/storage/object-storage';
import type { Wiring } from '../../platform/wiring';
import { catalogueReader } from '../catalogue/catalogue.wiring';
import { DynamoInspectionRepository } from '../inspections/inspection-repository.dynamodb';
import { DynamoOrgRepository } from '../org/org-repository.dynamodb';
import { CachedRulesRepository } from '../reports/cached-rules-repository';
import { DynamoReportRepository } from '../reports/report-repository.dynamodb';
import { DynamoRulesRepository } from '../reports/rules-repository.dynamodb';
import type { PlanRepository } from './plan-repository';
import { DynamoPlanRepository } from './plan-repository.dynamodb';
import type { PlansPorts } from './plans.ports';
import type { TaskStateReader } from './plans.readers';

/** One plan repository per process: the board, the plans and the ranking's reader share it. */
export function planRepository(w: Pick<Wiring, 'doc' | 'table' | 'once'>): PlanRepository {
  return w.once('plans', () => new DynamoPlanRepository(w.doc, w.table));
}

/** Evidence photos: the one object storage of the process (S3, or the local stack's). */
function objectStorage(w: Wiring): ObjectStorage {
  return w.once('storage', () =>
    createObjectStorage(w.config, { baseUrl: w.local?.baseUrl ?? (() => ''), signingKey: w.secrets.tokenSigningKey }),
  );
}

export const plansPorts = (w: Wiring): PlansPorts => ({
  ...w.kernel,
  plans: planRepository(w),
  org: w.once('org', () => new DynamoOrgRepository(w.doc, w.table)),
  catalogue: catalogueReader(w),
  inspections: w.once('inspections', () => new DynamoInspectionRepository(w.doc, w.table)),
  rules: w.once('rules', () => new CachedRulesRepository(new DynamoRulesRepository(w.doc, w.table))),
  reports: w.once('reports', () => new DynamoReportRepository(w.doc, w.table)),
  storage: objectStorage(w),
});

/** For the ranking: each key task's latest state in a township and year. */
export const taskStateReader = (w: Wiring): TaskStateReader => planRepository(w);
