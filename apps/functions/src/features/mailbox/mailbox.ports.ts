import type { Kernel } from '../../platform/kernel/kernel';
import type { Notices } from '../../platform/notify/notices';
import type { Sealer } from '../../platform/sealing/sealer';
import type { ObjectStorage } from '../../platform/storage/object-storage';
import type { BindingReader } from '../identity/identity.readers';
import type { OrgReader } from '../org/org.readers';
import type { CalendarReader } from '../reports/reports.readers';
import type { LetterRepository } from './letter-repository';
import type { LetterRulesRepository } from './letter-rules-repository';

/** What the mailbox's use cases take. */
export interface MailboxPorts extends Kernel {
  letters: LetterRepository;
  letterRules: LetterRulesRepository;
  /** The district's working-day calendar (holidays, 调休 make-up working days): SLA deadlines and 倒排工期 count on it. */
  calendar: CalendarReader;
  org: OrgReader;
  /** Township staff and 纪检监察 to tell about overdue letters (督办). */
  users: BindingReader;
  /** Letter photos. */
  storage: ObjectStorage;
  /** The writer hears of acceptance, transfer and reply; overseers of overdue letters (督办). */
  notices: Notices;
  /** Seals the writer's account and call-back phone. */
  sealer: Sealer;
}
