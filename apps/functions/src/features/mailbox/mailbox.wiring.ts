import { createNotifier } from '../../platform/notify/create-notifier';
import { createSealer } from '../../platform/sealing/create-sealer';
import { createObjectStorage } from '../../platform/storage/create-object-storage';
import type { Wiring } from '../../platform/wiring';
import { DynamoUserRepository } from '../identity/user-repository.dynamodb';
import { DynamoOrgRepository } from '../org/org-repository.dynamodb';
import { CachedRulesRepository } from '../reports/cached-rules-repository';
import { DynamoRulesRepository } from '../reports/rules-repository.dynamodb';
import { CachedLetterRulesRepository } from './cached-letter-rules-repository';
import { DynamoLetterCounters } from './letter-counters.dynamodb';
import type { LetterRepository } from './letter-repository';
import { DynamoLetterRepository } from './letter-repository.dynamodb';
import type { LetterRulesRepository } from './letter-rules-repository';
import { DynamoLetterRulesRepository } from './letter-rules-repository.dynamodb';
import type { MailboxPorts } from './mailbox.ports';
import type { LetterCountersReader } from './mailbox.readers';

type Tables = Pick<Wiring, 'doc' | 'table' | 'once'>;

export const letterRepository = (w: Tables): LetterRepository => w.once('letters', () => new DynamoLetterRepository(w.doc, w.table));

/** Cached per container (read on every letter): a change through this container applies at once. */
export const letterRulesStore = (w: Tables): LetterRulesRepository =>
  w.once('letterRules', () => new CachedLetterRulesRepository(new DynamoLetterRulesRepository(w.doc, w.table)));

/** For the ranking: a township's communities' 三率 counters over a quarter's months. */
export const letterCountersReader = (w: Tables): LetterCountersReader =>
  w.once('letterCounters', () => new DynamoLetterCounters(w.doc, w.table));

/**
 * The mailbox's ports. The org, people and holidays are read through the readers those features declare;
 * until they have their own wiring, their adapters are built here under the keys the legacy composition
 * (handlers/compose-*.ts) uses, so one process shares them.
 */
export const mailboxPorts = (w: Wiring): MailboxPorts => ({
  ...w.kernel,
  letters: letterRepository(w),
  letterRules: letterRulesStore(w),
  rules: w.once('rules', () => new CachedRulesRepository(new DynamoRulesRepository(w.doc, w.table))),
  org: w.once('org', () => new DynamoOrgRepository(w.doc, w.table)),
  users: w.once('users', () => new DynamoUserRepository(w.doc, w.table)),
  storage: w.once('storage', () =>
    createObjectStorage(w.config, { baseUrl: w.local?.baseUrl ?? (() => ''), signingKey: w.secrets.tokenSigningKey }),
  ),
  notifier: w.once('notifier', () => createNotifier(w.config, { doc: w.doc, clock: w.clock, appSecret: w.appSecret })),
  sealer: w.once('sealer', () => createSealer(w.config, w.secrets.tokenSigningKey)),
});
