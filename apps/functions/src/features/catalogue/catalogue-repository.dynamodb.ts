import { type DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '../../platform/dynamodb/query-all';
import { cancellationReasons, isConditionalCheckFailed } from '../../platform/dynamodb/transaction-errors';
import { conflict } from '../../platform/kernel/domain-error';
import { countsOf, type StoredCatalogue, type StoredCatalogueDraft } from './catalogue';
import type { CatalogueRepository } from './catalogue-repository';

/** DIST#{d}#CATALOGUE / V#{0001} (published, immutable) | LATEST (pointer) | DRAFT. */
export const catalogueKeys = {
  pk: (d: string) => `DIST#${d}#CATALOGUE`,
  version: (d: string, v: number) => ({ pk: `DIST#${d}#CATALOGUE`, sk: `V#${String(v).padStart(4, '0')}` }),
  latest: (d: string) => ({ pk: `DIST#${d}#CATALOGUE`, sk: 'LATEST' }),
  draft: (d: string) => ({ pk: `DIST#${d}#CATALOGUE`, sk: 'DRAFT' }),
};

const VERSION_FIELDS = ['version', 'content', 'publishedAt', 'publishedBy', 'note'] as const;
const pick = <T>(i: Record<string, unknown>, f: readonly string[]) =>
  Object.fromEntries(f.filter((k) => i[k] !== undefined).map((k) => [k, i[k]])) as T;

export function catalogueVersionItems(d: string, c: StoredCatalogue) {
  return [
    { ...catalogueKeys.version(d, c.version), entity: 'catalogue-version', ...c, counts: countsOf(c.content) },
    { ...catalogueKeys.latest(d), version: c.version },
  ];
}

export class DynamoCatalogueRepository implements CatalogueRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async latest(d: string) {
    const ptr = await this.doc.send(new GetCommand({ TableName: this.table, Key: catalogueKeys.latest(d), ConsistentRead: true }));
    return ptr.Item ? this.version(d, ptr.Item.version as number) : undefined;
  }

  async version(d: string, v: number) {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: catalogueKeys.version(d, v) }));
    return res.Item ? pick<StoredCatalogue>(res.Item, VERSION_FIELDS) : undefined;
  }

  async versions(d: string) {
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
      ExpressionAttributeValues: { ':pk': catalogueKeys.pk(d), ':v': 'V#' },
      ProjectionExpression: 'version, publishedAt, publishedBy, note, counts',
      ScanIndexForward: false,
    });
    return items.map((i) =>
      pick<Omit<StoredCatalogue, 'content'> & { counts: { rural: number; community: number } }>(i, [
        'version',
        'publishedAt',
        'publishedBy',
        'note',
        'counts',
      ]),
    );
  }

  async draft(d: string) {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: catalogueKeys.draft(d), ConsistentRead: true }));
    return res.Item ? pick<StoredCatalogueDraft>(res.Item, ['revision', 'basedOnVersion', 'content', 'updatedAt', 'updatedBy']) : undefined;
  }

  async saveDraft(d: string, draft: StoredCatalogueDraft, expectedRevision: number) {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...catalogueKeys.draft(d), entity: 'catalogue-draft', ...draft },
          ...(expectedRevision === 0
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : { ConditionExpression: 'revision = :r', ExpressionAttributeValues: { ':r': expectedRevision } }),
        }),
      );
    } catch (err) {
      if (isConditionalCheckFailed(err)) throw conflict('草稿已被他人修改，请刷新后重试');
      throw err;
    }
  }

  async publish(d: string, c: StoredCatalogue, previousVersion: number, draftRevision: number) {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.table, Item: catalogueVersionItems(d, c)[0], ConditionExpression: 'attribute_not_exists(pk)' } },
            {
              Put: {
                TableName: this.table,
                Item: { ...catalogueKeys.latest(d), version: c.version },
                ...(previousVersion === 0
                  ? { ConditionExpression: 'attribute_not_exists(pk)' }
                  : { ConditionExpression: 'version = :prev', ExpressionAttributeValues: { ':prev': previousVersion } }),
              },
            },
            {
              Delete: {
                TableName: this.table,
                Key: catalogueKeys.draft(d),
                ConditionExpression: 'revision = :r',
                ExpressionAttributeValues: { ':r': draftRevision },
              },
            },
          ],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)) throw conflict('标准已有更新的版本或草稿已变更，请刷新后重试');
      throw err;
    }
  }
}
