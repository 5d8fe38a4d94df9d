import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Item } from '../../platform/dynamodb/entity';
import { queryAll } from '../../platform/dynamodb/query-all';
import type { LetterCounters } from './letter';
import type { CounterBump } from './letter-repository';
import { COUNTER_NAMES, mailboxEntities, mailboxPartitions } from './mailbox.entities';
import type { LetterCountersReader } from './mailbox.readers';

/**
 * The 三率 counters: one item per community and month, under its township (TWN#{t}#LSTAT#{month} / BR#{b}),
 * so a township's month is one query. Kept apart from the letter repository so a reader of the counters
 * (the ranking) carries no more than this. 廉情 letters bump the supervisors' tally instead
 * (TWN#{t}#LINTEG#{month}), which only `integrityCountersOf` reads.
 */
export class DynamoLetterCounters implements LetterCountersReader {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** The transaction item that adds `b` to a community's counters (none when nothing changes). */
  bump(b: CounterBump) {
    const names = COUNTER_NAMES.filter((n) => (b.add[n] ?? 0) !== 0);
    if (names.length === 0) return [];
    return [
      {
        Update: {
          TableName: this.table,
          Key: (b.tally === 'integrity' ? mailboxEntities.integrityCounters : mailboxEntities.counters).key(b),
          UpdateExpression: `ADD ${names.map((n) => `${n} :${n}`).join(', ')} SET branchId = :b`,
          ExpressionAttributeValues: { ...Object.fromEntries(names.map((n) => [`:${n}`, b.add[n]])), ':b': b.branchId },
        },
      },
    ];
  }

  countersOf(townshipId: string, month: string): Promise<{ branchId: string; counters: LetterCounters }[]> {
    return this.read(mailboxPartitions.counters(townshipId, month));
  }

  /** The supervisors' 廉情 tally: never read by anything a community or the public sees. */
  integrityCountersOf(townshipId: string, month: string): Promise<{ branchId: string; counters: LetterCounters }[]> {
    return this.read(mailboxPartitions.integrityCounters(townshipId, month));
  }

  private async read(pk: string): Promise<{ branchId: string; counters: LetterCounters }[]> {
    const items = await queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
    });
    return items.map((i) => {
      const { branchId, ...c } = mailboxEntities.counters.parse(i);
      return { branchId, counters: c };
    });
  }

  async countersForMonths(townshipId: string, months: readonly string[]): Promise<Record<string, LetterCounters>> {
    const lists = await Promise.all(months.map((m) => this.countersOf(townshipId, m)));
    const out: Record<string, LetterCounters> = {};
    for (const { branchId, counters: c } of lists.flat()) {
      const sum = out[branchId] ?? {};
      out[branchId] = sum;
      for (const n of COUNTER_NAMES) {
        if (c[n] !== undefined) sum[n] = (sum[n] ?? 0) + Number(c[n]);
      }
    }
    return out;
  }
}
