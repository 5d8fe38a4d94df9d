import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { expectVersion } from '../../platform/dynamodb/optimistic';
import { isConditionalCheckFailed } from '../../platform/dynamodb/transaction-errors';
import { notFound } from '../../platform/kernel/domain-error';
import type { StoredNews } from './news';
import { feedPosition, newsEntities, newsQueries } from './news.entities';
import type { NewsRepository } from './news-repository';

const { post } = newsEntities;

/**
 * The cursor is the last item's feed position with `~` for `#` (the contract's NewsCursor): any value of that
 * form is a place in the feed, so the contract's pattern is exactly what this accepts.
 */
const encodeCursor = (position: string) => position.replace('#', '~');
const decodeCursor = (cursor: string) => cursor.replace('~', '#');

export class DynamoNewsRepository implements NewsRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async create(p: StoredNews) {
    try {
      await this.doc.send(new PutCommand({ TableName: this.table, Item: post.item(p, p), ...expectVersion(0) }));
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }

  async get(id: string) {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: post.key({ id }), ConsistentRead: true }));
    return res.Item ? post.parse(res.Item) : undefined;
  }

  async feed(districtId: string, limit: number, cursor?: string) {
    const after = cursor ? decodeCursor(cursor) : undefined;
    const res = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: after ? 'gsi1pk = :pk AND gsi1sk < :after' : 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': newsQueries.feed(districtId), ...(after ? { ':after': after } : {}) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    const items = (res.Items ?? []).map((i) => post.parse(i));
    const last = items[items.length - 1];
    return { posts: items, ...(res.LastEvaluatedKey && last ? { next: encodeCursor(feedPosition(last)) } : {}) };
  }

  async delete(id: string) {
    try {
      await this.doc.send(new DeleteCommand({ TableName: this.table, Key: post.key({ id }), ConditionExpression: 'attribute_exists(pk)' }));
    } catch (err) {
      if (isConditionalCheckFailed(err)) throw notFound('动态');
      throw err;
    }
  }
}
