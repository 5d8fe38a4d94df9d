import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Item } from '../../platform/dynamodb/entity';
import { type Condition, expectExistingVersion, expectVersion, orConflict } from '../../platform/dynamodb/optimistic';
import { queryAll } from '../../platform/dynamodb/query-all';
import type { StoredReviewItem } from './study-review';
import { studyReviewEntities as E } from './study-review.entities';
import type { StudyReviewRepository } from './study-review-repository';

export class DynamoStudyReviewRepository implements StudyReviewRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(branchId: string, itemId: string) {
    const res = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: E.item.key({ branchId, id: itemId }), ConsistentRead: true }),
    );
    return res.Item ? E.item.parse(res.Item) : undefined;
  }

  async create(item: StoredReviewItem) {
    await this.write(item, expectVersion(0), '这条清单已存在');
  }

  async put(item: StoredReviewItem, expectedVersion: number) {
    await this.write(item, expectExistingVersion(expectedVersion), '这一条已被他人修改，请刷新后重试');
  }

  private async write(item: StoredReviewItem, condition: Condition, message: string) {
    await orConflict(
      () =>
        this.doc.send(
          new PutCommand({ TableName: this.table, Item: E.item.item({ branchId: item.branchId, id: item.id }, item), ...condition }),
        ),
      message,
    );
  }

  async forMonth(branchId: string, month: string) {
    const items = await queryAll<Item>(this.doc, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :m',
      ExpressionAttributeValues: { ':pk': E.branchReviews(branchId), ':m': month },
    });
    return items.map((i) => E.item.parse(i));
  }
}
