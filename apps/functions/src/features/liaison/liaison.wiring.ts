import type { Wiring } from '../../platform/wiring';
import { bindingReader, peopleReader } from '../identity/identity.wiring';
import { findingsReader } from '../inspections/inspections.wiring';
import { orgReader } from '../org/org.wiring';
import { heldStarsReader, starApplicationsReader } from '../stars/held-stars.wiring';
import type { LiaisonPorts } from './liaison.ports';
import { DynamoLiaisonRepository } from './liaison-repository.dynamodb';

export const liaisonPorts = (w: Wiring): LiaisonPorts => ({
  ...w.kernel,
  liaison: w.once('liaison', () => new DynamoLiaisonRepository(w.doc, w.table)),
  org: orgReader(w),
  people: bindingReader(w),
  names: peopleReader(w),
  held: heldStarsReader(w),
  applications: starApplicationsReader(w),
  findings: findingsReader(w),
});
