import type { Kernel } from '../../platform/kernel/kernel';
import type { BindingReader, PeopleReader } from '../identity/identity.readers';
import type { FindingsReader } from '../inspections/inspections.readers';
import type { OrgReader } from '../org/org.readers';
import type { HeldStarsReader, StarApplicationsReader } from '../stars/stars.readers';
import type { LiaisonRepository } from './liaison-repository';

/** What the 包联 use cases take. */
export interface LiaisonPorts extends Kernel {
  liaison: LiaisonRepository;
  org: OrgReader;
  /** The assigned person must hold a leader binding in the district; the admin's list shows every leader. */
  people: Pick<BindingReader, 'getUser' | 'listBindings'>;
  /** The leaders' current names. */
  names: PeopleReader;
  /** The home's levels (stars held today), applications under review and overdue findings. */
  held: HeldStarsReader;
  applications: StarApplicationsReader;
  findings: Pick<FindingsReader, 'listFindingsForTownship'>;
}
