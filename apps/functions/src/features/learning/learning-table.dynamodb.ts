import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Entity, Item } from '../../platform/dynamodb/entity';
import { expectVersion } from '../../platform/dynamodb/optimistic';
import { queryAll } from '../../platform/dynamodb/query-all';
import { isConditionalCheckFailed } from '../../platform/dynamodb/transaction-errors';
import type { PrefixQuery } from './learning.entities';

/** What the learning adapters share: consistent reads through an entity, first writes, one kind of item of a partition. */
export class LearningTable {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly table: string,
  ) {}

  async get<T, K>(entity: Entity<T, K>, k: K): Promise<T | undefined> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: entity.key(k), ConsistentRead: true }));
    return res.Item ? entity.parse(res.Item) : undefined;
  }

  /** A conditional first write: false when an item with these keys exists. */
  async insert(item: Item): Promise<boolean> {
    try {
      await this.doc.send(new PutCommand({ TableName: this.table, Item: item, ...expectVersion(0) }));
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }

  /** Every item of the partition whose sort key starts with the prefix, read consistently. */
  async list<T, K>(entity: Entity<T, K>, q: PrefixQuery): Promise<T[]> {
    const items = await queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': q.pk, ':p': q.prefix },
      ConsistentRead: true,
    });
    return items.map((i) => entity.parse(i));
  }
}
