import type { Kernel } from '../../platform/kernel/kernel';
import type { PeopleReader } from '../identity/identity.readers';
import type { OrgReader } from '../org/org.readers';
import type { StudyReviewRepository } from './study-review-repository';

/** What the 学讲评 use cases take. */
export interface StudyReviewPorts extends Kernel {
  reviews: StudyReviewRepository;
  /** The branch whose lists these are, and a township's branches for its summary. */
  org: OrgReader;
  /** Current names of the people in each item's history. */
  people: PeopleReader;
}
