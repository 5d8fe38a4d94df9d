import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '../../platform/dynamodb/query-all';
import { isConditionalCheckFailed } from '../../platform/dynamodb/transaction-errors';
import { conflict } from '../../platform/kernel/domain-error';
import type { StoredReviewItem } from './study-review';
import type { StudyReviewRepository } from './study-review-repository';

/**
 * 学讲评 items. BR#{b} / REVIEW#{itemId}; gsi1 BR#{b}#REVIEWS / {doneMonth | "~open"}#{period}#{itemId}.
 * The index key moves when an item is done or reopened, so "open, or done in the month or later" is one
 * range query (`gsi1sk >= month`; "~" sorts after every digit).
 */
const key = (b: string, id: string) => ({ pk: `BR#${b}`, sk: `REVIEW#${id}` });
const FIELDS = [
  'id',
  'branchId',
  'townshipId',
  'period',
  'list',
  'text',
  'owner',
  'due',
  'status',
  'doneNote',
  'doneDay',
  'version',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'history',
] as const;
const indexOf = (i: StoredReviewItem) => ({
  gsi1pk: `BR#${i.branchId}#REVIEWS`,
  gsi1sk: `${i.status === 'done' && i.doneDay ? i.doneDay.slice(0, 7) : '~open'}#${i.period}#${i.id}`,
});
const fromItem = (raw: Record<string, unknown>) =>
  Object.fromEntries(FIELDS.filter((f) => raw[f] !== undefined).map((f) => [f, raw[f]])) as unknown as StoredReviewItem;

export class DynamoStudyReviewRepository implements StudyReviewRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(branchId: string, itemId: string) {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: key(branchId, itemId), ConsistentRead: true }));
    return res.Item ? fromItem(res.Item) : undefined;
  }

  async create(item: StoredReviewItem) {
    await this.write(item, { ConditionExpression: 'attribute_not_exists(pk)' }, '这条清单已存在');
  }

  async put(item: StoredReviewItem, expectedVersion: number) {
    await this.write(
      item,
      { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } },
      '这一条已被他人修改，请刷新后重试',
    );
  }

  private async write(
    item: StoredReviewItem,
    condition: { ConditionExpression: string; ExpressionAttributeValues?: Record<string, unknown> },
    message: string,
  ) {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...key(item.branchId, item.id), entity: 'review-item', ...indexOf(item), ...item },
          ...condition,
        }),
      );
    } catch (err) {
      if (isConditionalCheckFailed(err)) throw conflict(message);
      throw err;
    }
  }

  async forMonth(branchId: string, month: string) {
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :m',
      ExpressionAttributeValues: { ':pk': `BR#${branchId}#REVIEWS`, ':m': month },
    });
    return items.map(fromItem);
  }
}
