import type { Kernel } from '../../platform/kernel/kernel';
import type { ObjectStorage } from '../../platform/storage/object-storage';
import type { PeopleReader } from '../identity/identity.readers';
import type { OrgReader } from '../org/org.readers';
import type { NewsRepository } from './news-repository';

/** What the 创星动态 use cases take. */
export interface NewsPorts extends Kernel {
  news: NewsRepository;
  /** The district's name, which signs its admins' posts. */
  org: OrgReader;
  /** News photos: presigned uploads under news/, read through short-lived URLs. */
  storage: ObjectStorage;
  /** The author's current name on a post. */
  people: PeopleReader;
}
