import type { Kernel } from '../../platform/kernel/kernel';
import type { Notices } from '../../platform/notify/notices';
import type { BindingReader, PeopleReader } from '../identity/identity.readers';
import type { OrgReader } from '../org/org.readers';
import type { ObservationRepository } from './observation-repository';

/** What 每月一观摩's use cases take. */
export interface ObservationsPorts extends Kernel {
  observations: ObservationRepository;
  /** The district, the organising township and the branches visited. */
  org: OrgReader;
  /** Who may score: officials whose bindings cover the observation. */
  users: BindingReader;
  /** Current names of organisers, observers and candidates. */
  people: PeopleReader;
  /** The observers hear that an observation is open for their scores. */
  notices: Notices;
}
