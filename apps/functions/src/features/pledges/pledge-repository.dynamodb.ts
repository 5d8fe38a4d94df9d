import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Item } from '../../platform/dynamodb/entity';
import { expectVersion, orConflict } from '../../platform/dynamodb/optimistic';
import { queryAll, queryGsi1 } from '../../platform/dynamodb/query-all';
import type { PledgeRepository } from './pledge-repository';
import type { StoredPledgeProgress, StoredPledges } from './pledges';
import { pledgesEntities as E } from './pledges.entities';

export class DynamoPledgeRepository implements PledgeRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(branchId: string, year: number) {
    const res = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: E.pledges.key({ branchId, year }), ConsistentRead: true }),
    );
    return res.Item ? E.pledges.parse(res.Item) : undefined;
  }

  async put(p: StoredPledges, expectedVersion: number) {
    await orConflict(
      () =>
        this.doc.send(
          new PutCommand({
            TableName: this.table,
            Item: E.pledges.item({ branchId: p.branchId, year: p.year }, p),
            ...expectVersion(expectedVersion),
          }),
        ),
      '承诺已被他人修改，请刷新后再改',
      'body.version',
    );
  }

  async progressOf(branchId: string, year: number) {
    const items = await queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':pk': `BR#${branchId}`, ':s': E.progressPrefix(year) },
      ConsistentRead: true,
    });
    return items.map((i) => E.progress.parse(i));
  }

  async getProgress(branchId: string, year: number, month: string, itemId: string) {
    const res = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: E.progress.key({ branchId, year, month, itemId }), ConsistentRead: true }),
    );
    return res.Item ? E.progress.parse(res.Item) : undefined;
  }

  async putProgress(p: StoredPledgeProgress, expectedVersion: number) {
    await orConflict(
      () =>
        this.doc.send(
          new PutCommand({
            TableName: this.table,
            Item: E.progress.item({ branchId: p.branchId, year: p.year, month: p.month, itemId: p.itemId }, p),
            ...expectVersion(expectedVersion),
          }),
        ),
      '本月实绩已被他人更新，请刷新后再填',
      'body.version',
    );
  }

  async townshipPledges(townshipId: string, year: number) {
    const items = await queryGsi1<Item>(this.doc, this.table, E.townshipPledgesPk(townshipId, year));
    return items.map((i) => E.pledges.parse(i));
  }

  async townshipProgress(townshipId: string, year: number, upToMonth: string) {
    const items = await queryAll<Item>(this.doc, {
      TableName: this.table,
      IndexName: 'gsi1',
      // "~" sorts after every id character: everything of `upToMonth` and before.
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :m',
      ExpressionAttributeValues: { ':pk': E.townshipProgressPk(townshipId, year), ':m': `${upToMonth}#~` },
    });
    return items.map((i) => E.progress.parse(i));
  }
}
