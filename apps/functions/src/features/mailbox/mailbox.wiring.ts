import { sealer } from '../../platform/sealing/sealing.wiring';
import { objectStorage } from '../../platform/storage/storage.wiring';
import type { Wiring } from '../../platform/wiring';
import { bindingReader } from '../identity/identity.wiring';
import { noticesPort } from '../inbox/inbox.wiring';
import { orgReader } from '../org/org.wiring';
import { calendarReader } from '../reports/reports.wiring';
import { CachedLetterRulesRepository } from './cached-letter-rules-repository';
import { DynamoIntegrityCases } from './integrity-cases.dynamodb';
import { DynamoLetterCounters } from './letter-counters.dynamodb';
import type { LetterRepository } from './letter-repository';
import { DynamoLetterRepository } from './letter-repository.dynamodb';
import type { LetterRulesRepository } from './letter-rules-repository';
import { DynamoLetterRulesRepository } from './letter-rules-repository.dynamodb';
import type { MailboxPorts } from './mailbox.ports';
import type { IntegrityCasesReader, LetterCountersReader } from './mailbox.readers';

type Tables = Pick<Wiring, 'doc' | 'table' | 'once'>;

export const letterRepository = (w: Tables): LetterRepository => w.once('letters', () => new DynamoLetterRepository(w.doc, w.table));

/** Cached per container (read on every letter): a change through this container applies at once. */
export const letterRulesStore = (w: Tables): LetterRulesRepository =>
  w.once('letterRules', () => new CachedLetterRulesRepository(new DynamoLetterRulesRepository(w.doc, w.table)));

/** For the ranking: a township's communities' 三率 counters over a quarter's months. */
export const letterCountersReader = (w: Tables): LetterCountersReader =>
  w.once('letterCounters', () => new DynamoLetterCounters(w.doc, w.table));

/** For 撤星: a 廉情 case's place and whether 纪检监察 found it 属实. */
export const integrityCasesReader = (w: Tables): IntegrityCasesReader =>
  w.once('integrityCases', () => new DynamoIntegrityCases(w.doc, w.table));

/** The mailbox's ports: the org, people and holidays through the readers those features export. */
export const mailboxPorts = (w: Wiring): MailboxPorts => ({
  ...w.kernel,
  letters: letterRepository(w),
  letterRules: letterRulesStore(w),
  calendar: calendarReader(w),
  org: orgReader(w),
  users: bindingReader(w),
  storage: objectStorage(w),
  notices: noticesPort(w),
  sealer: sealer(w),
});
