import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed } from '../../platform/dynamodb/transaction-errors';
import { invalid, notFound } from '../../platform/kernel/domain-error';
import type { NewsRepository, StoredNews } from './news-repository';

/** NEWS#{id} / NEWS; gsi1 DIST#{d}#NEWS / {createdAt}#{id} for the feed, newest first. */
const key = (id: string) => ({ pk: `NEWS#${id}`, sk: 'NEWS' });
const feedPk = (d: string) => `DIST#${d}#NEWS`;

/** The stored item of a post (also used by the demo seed). */
export const newsItem = (p: StoredNews) => ({
  ...key(p.id),
  entity: 'news',
  gsi1pk: feedPk(p.districtId),
  gsi1sk: `${p.createdAt}#${p.id}`,
  ...p,
});

function strip(item: Record<string, unknown>): StoredNews {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, entity: _e, ...rest } = item;
  return rest as unknown as StoredNews;
}

/** The cursor is the last item's feed position, base64url: `{createdAt}#{id}`. */
function encodeCursor(sk: string): string {
  return Buffer.from(sk, 'utf8').toString('base64url');
}
function decodeCursor(cursor: string): string {
  const sk = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)#([A-Za-z0-9_-]{1,64})$/.exec(sk);
  if (!m) throw invalid('query.cursor', '分页参数无效，请从头加载');
  return sk;
}

export class DynamoNewsRepository implements NewsRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async create(p: StoredNews) {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: newsItem(p),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }

  async get(id: string) {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: key(id), ConsistentRead: true }));
    return res.Item ? strip(res.Item) : undefined;
  }

  async feed(d: string, limit: number, cursor?: string) {
    const after = cursor ? decodeCursor(cursor) : undefined;
    const res = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: after ? 'gsi1pk = :pk AND gsi1sk < :after' : 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': feedPk(d), ...(after ? { ':after': after } : {}) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    const items = res.Items ?? [];
    const last = items[items.length - 1];
    return { posts: items.map(strip), ...(res.LastEvaluatedKey && last ? { next: encodeCursor(String(last.gsi1sk)) } : {}) };
  }

  async delete(id: string) {
    try {
      await this.doc.send(new DeleteCommand({ TableName: this.table, Key: key(id), ConditionExpression: 'attribute_exists(pk)' }));
    } catch (err) {
      if (isConditionalCheckFailed(err)) throw notFound('动态');
      throw err;
    }
  }
}
