import type { Kernel } from '../../platform/kernel/kernel';
import type { Notices } from '../../platform/notify/notices';
import type { ObjectStorage } from '../../platform/storage/object-storage';
import type { CatalogueReader } from '../catalogue/catalogue.readers';
import type { BindingReader, PeopleReader } from '../identity/identity.readers';
import type { OrgReader } from '../org/org.readers';
import type { InspectionRepository } from './inspection-repository';

/** What the 四不两直 and 问题清单 use cases take. */
export interface InspectionsPorts extends Kernel {
  inspections: InspectionRepository;
  /** The inspected branch and the township's branches. */
  org: OrgReader;
  /** The branch's cadres and secretary, told of a recorded visit. */
  users: BindingReader;
  /** The veto items (一票否决) a finding may name, from the standards in force. */
  catalogue: CatalogueReader;
  /** Visit and fix photos. */
  storage: ObjectStorage;
  /** The branch hears of findings, returns and closures; the inspector of fixes to check. */
  notices: Notices;
  /** Current names of inspectors and of everyone in a finding's history. */
  people: PeopleReader;
}
