import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Item, TableKey } from '../../platform/dynamodb/entity';
import { cancellationReasons } from '../../platform/dynamodb/transaction-errors';
import { DomainError } from '../../platform/kernel/domain-error';

/** A transaction holds at most 100 items and 4 MB; we stay at 90 items and about 2 MB (JSON estimate). */
const ITEMS_PER_TRANSACTION = 90;
const BYTES_PER_TRANSACTION = 2_000_000;

export const chunks = <T>(xs: T[], n: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Consecutive groups within the transaction limits, in order. */
function transactionGroups(items: Item[]): Item[][] {
  const groups: Item[][] = [];
  let current: Item[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item));
    if (current.length && (current.length >= ITEMS_PER_TRANSACTION || bytes + size > BYTES_PER_TRANSACTION)) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length) groups.push(current);
  return groups;
}

/**
 * Writes a computing version's data items (each new), every transaction checking that the version header
 * is still `computing`, so nothing under a draft or published version can change. An item already there
 * from an earlier attempt is fine (a retry); a transaction that collides with a twin writer
 * (TransactionConflict) is retried after a short wait.
 */
export async function writeVersionData(doc: DynamoDBDocumentClient, table: string, header: TableKey, items: Item[]): Promise<void> {
  const computing = {
    ConditionCheck: {
      TableName: table,
      Key: header,
      ConditionExpression: '#s = :computing',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':computing': 'computing' },
    },
  };
  const frozen = () => new DomainError('ILLEGAL_TRANSITION', '该版本已计算完成或已发布，不能再修改');
  const send = async (group: Item[]): Promise<(string | undefined)[] | undefined> => {
    for (let attempt = 1; ; attempt++) {
      try {
        await doc.send(
          new TransactWriteCommand({
            TransactItems: [
              computing,
              ...group.map((Item) => ({ Put: { TableName: table, Item, ConditionExpression: 'attribute_not_exists(pk)' } })),
            ],
          }),
        );
        return undefined;
      } catch (err) {
        const reasons = cancellationReasons(err);
        if (!reasons) throw err;
        if (reasons[0] === 'ConditionalCheckFailed') throw frozen();
        if (reasons.includes('TransactionConflict') && attempt < 6) {
          await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 40));
          continue;
        }
        if (reasons.slice(1).some((r) => r === 'ConditionalCheckFailed')) return reasons;
        throw err;
      }
    }
  };
  for (const group of transactionGroups(items)) {
    // Some items exist: a retry of this very step. Write the missing ones one by one.
    if (await send(group)) for (const item of group) await send([item]);
  }
}
