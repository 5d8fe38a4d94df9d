import { keyedHasher } from '../../platform/sealing/keyed-hasher.wiring';
import { objectStorage } from '../../platform/storage/storage.wiring';
import type { Wiring } from '../../platform/wiring';
import { catalogueReader } from '../catalogue/catalogue.wiring';
import { bindingReader } from '../identity/identity.wiring';
import { noticesPort } from '../inbox/inbox.wiring';
import { findingsReader } from '../inspections/inspections.wiring';
import { integrityCasesReader } from '../mailbox/mailbox.wiring';
import { orgReader } from '../org/org.wiring';
import { holidayReader } from '../reports/reports.wiring';
import { heldStarRepository } from './held-stars.wiring';
import type { StarApplicationRepository } from './star-application-repository';
import { DynamoStarApplicationRepository } from './star-application-repository.dynamodb';
import { DynamoStarObjectionRepository } from './star-objection-repository.dynamodb';
import type { StarsPorts } from './stars.ports';

export function starApplicationRepository(w: Pick<Wiring, 'doc' | 'table' | 'once'>): StarApplicationRepository {
  return w.once('star-applications', () => new DynamoStarApplicationRepository(w.doc, w.table));
}

export const starsPorts = (w: Wiring): StarsPorts => ({
  ...w.kernel,
  applications: starApplicationRepository(w),
  objections: w.once('star-objections', () => new DynamoStarObjectionRepository(w.doc, w.table)),
  hasher: keyedHasher(w),
  held: heldStarRepository(w),
  org: orgReader(w),
  catalogue: catalogueReader(w),
  storage: objectStorage(w),
  holidays: holidayReader(w),
  findings: findingsReader(w),
  integrityCases: integrityCasesReader(w),
  users: bindingReader(w),
  notices: noticesPort(w),
});
