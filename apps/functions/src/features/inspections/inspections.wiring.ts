import { objectStorage } from '../../platform/storage/storage.wiring';
import type { Wiring } from '../../platform/wiring';
import { catalogueReader } from '../catalogue/catalogue.wiring';
import { bindingReader, peopleReader } from '../identity/identity.wiring';
import { noticesPort } from '../inbox/inbox.wiring';
import { orgReader } from '../org/org.wiring';
import type { InspectionRepository } from './inspection-repository';
import { DynamoInspectionRepository } from './inspection-repository.dynamodb';
import type { InspectionsPorts } from './inspections.ports';
import type { FindingsReader } from './inspections.readers';

/** One repository per process: the board and the ranking read the 问题清单 through it too. */
export function inspectionRepository(w: Pick<Wiring, 'doc' | 'table' | 'once'>): InspectionRepository {
  return w.once('inspections', () => new DynamoInspectionRepository(w.doc, w.table));
}

export const inspectionsPorts = (w: Wiring): InspectionsPorts => ({
  ...w.kernel,
  people: peopleReader(w),
  inspections: inspectionRepository(w),
  org: orgReader(w),
  users: bindingReader(w),
  catalogue: catalogueReader(w),
  storage: objectStorage(w),
  notices: noticesPort(w),
});

/** For the features that weigh open findings: the 挂图作战 board (plans) and the quarterly ranking. */
export const findingsReader = (w: Pick<Wiring, 'doc' | 'table' | 'once'>): FindingsReader => inspectionRepository(w);
