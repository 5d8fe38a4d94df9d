import type { Wiring } from '../../platform/wiring';
import { DynamoUserRepository } from '../identity/user-repository.dynamodb';
import { DynamoOrgRepository } from '../org/org-repository.dynamodb';
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
  observations: observationRepository(w),
  org: w.once('org', () => new DynamoOrgRepository(w.doc, w.table)),
  users: w.once('users', () => new DynamoUserRepository(w.doc, w.table)),
});

/** For the ranking: a township's frozen results in a quarter. */
export const observationResultsReader = (w: Wiring): ObservationResultsReader => observationRepository(w);
