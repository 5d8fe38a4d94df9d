import { createNotifier } from '../../platform/notify/create-notifier';
import { createObjectStorage } from '../../platform/storage/create-object-storage';
import type { Wiring } from '../../platform/wiring';
import { catalogueReader } from '../catalogue/catalogue.wiring';
import { DynamoUserRepository } from '../identity/user-repository.dynamodb';
import { DynamoOrgRepository } from '../org/org-repository.dynamodb';
import type { InspectionRepository } from './inspection-repository';
import { DynamoInspectionRepository } from './inspection-repository.dynamodb';
import type { InspectionsPorts } from './inspections.ports';
import type { FindingsReader } from './inspections.readers';

/** One repository per process: the board and the ranking read the 问题清单 through it too. */
function inspectionRepository(w: Pick<Wiring, 'doc' | 'table' | 'once'>): InspectionRepository {
  return w.once('inspections', () => new DynamoInspectionRepository(w.doc, w.table));
}

export const inspectionsPorts = (w: Wiring): InspectionsPorts => ({
  ...w.kernel,
  inspections: inspectionRepository(w),
  org: w.once('org', () => new DynamoOrgRepository(w.doc, w.table)),
  users: w.once('users', () => new DynamoUserRepository(w.doc, w.table)),
  catalogue: catalogueReader(w),
  storage: w.once('storage', () =>
    createObjectStorage(w.config, { baseUrl: w.local?.baseUrl ?? (() => ''), signingKey: w.secrets.tokenSigningKey }),
  ),
  notifier: w.once('notifier', () => createNotifier(w.config, { doc: w.doc, clock: w.clock, appSecret: w.appSecret })),
});

/** For the features that weigh open findings: the 挂图作战 board (plans) and the quarterly ranking. */
export const findingsReader = (w: Pick<Wiring, 'doc' | 'table' | 'once'>): FindingsReader => inspectionRepository(w);
