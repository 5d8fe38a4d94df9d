import type { Kernel } from '../../platform/kernel/kernel';
import type { Notices } from '../../platform/notify/notices';
import type { BindingReader, PeopleReader } from '../identity/identity.readers';
import type { OrgReader } from '../org/org.readers';
import type { LearningRepository } from './learning-repository';

/** What the learning use cases (应知应会 and 调查问卷) take. */
export interface LearningPorts extends Kernel {
  learning: LearningRepository;
  /** Townships and branches: names, and the townships a test may reach. */
  org: OrgReader;
  /** People: the audience of a test or a questionnaire is the active branch bindings of its roles. */
  users: BindingReader;
  /** Test-takers hear of a scheduled test and of reminders. */
  notices: Notices;
  /** Current names of organisers and of the people in an audience. */
  people: PeopleReader;
}
