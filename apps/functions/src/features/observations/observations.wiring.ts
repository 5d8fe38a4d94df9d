import type { Wiring } from '../../platform/wiring';
import { bindingReader, peopleReader } from '../identity/identity.wiring';
import { noticesPort } from '../inbox/inbox.wiring';
import { orgReader } from '../org/org.wiring';
import type { ObservationRepository } from './observation-repository';
import { DynamoObservationRepository } from './observation-repository.dynamodb';
import type { ObservationsPorts } from './observations.ports';
import type { ObservationResultsReader } from './observations.readers';

/** One observation repository per process: the use cases and the ranking's reader share it. */
export function observationRepository(w: Pick<Wiring, 'doc' | 'table' | 'once'>): ObservationRepository {
  return w.once('observations', () => new DynamoObservationRepository(w.doc, w.table));
}

export const observationsPorts = (w: Wiring): ObservationsPorts => ({
  ...w.kernel,
  people: peopleReader(w),
  observations: observationRepository(w),
  org: orgReader(w),
  users: bindingReader(w),
  notices: noticesPort(w),
});

/** For the ranking: a township's frozen results in a quarter. */
export const observationResultsReader = (w: Wiring): ObservationResultsReader => observationRepository(w);
