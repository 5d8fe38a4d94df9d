import { type DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll, queryGsi1 } from '../../platform/dynamodb/query-all';
import { isConditionalCheckFailed } from '../../platform/dynamodb/transaction-errors';
import { conflict } from '../../platform/kernel/domain-error';
import type { TaskLatest } from './board';
import type { StoredPlan } from './plan';
import type { PlanRepository, StoredTaskUpdate } from './plan-repository';

/** BR#{b} / PLAN#{year}#TASK#{taskId}#U#{at}#{id}: a task's updates, appended. */
const updatePrefix = (year: number, taskId: string) => `PLAN#${year}#TASK#${taskId}#U#`;
const UPDATE_FIELDS = ['id', 'taskId', 'status', 'percent', 'note', 'evidence', 'at', 'by', 'byName'] as const;

/** BR#{b} / PLAN#{year}; gsi1 TWN#{t}#PLANS#{year} / {status}#{branch} for the township's board. */
const key = (b: string, year: number) => ({ pk: `BR#${b}`, sk: `PLAN#${year}` });
/** BR#{b} / PLAN#{year}#LATEST#{taskId}; gsi1 TWN#{t}#PROG#{year} / {branch}#{taskId}: each task's latest state. */
const latestKey = (b: string, year: number, taskId: string) => ({ pk: `BR#${b}`, sk: `PLAN#${year}#LATEST#${taskId}` });
const LATEST_FIELDS = ['branchId', 'taskId', 'star', 'status', 'percent', 'at', 'doneAt'] as const;
const pick = <F extends readonly string[]>(item: Record<string, unknown>, fields: F) =>
  Object.fromEntries(fields.filter((f) => item[f] !== undefined).map((f) => [f, item[f]]));

const FIELDS = [
  'branchId',
  'branchName',
  'townshipId',
  'districtId',
  'year',
  'catalogueVersion',
  'content',
  'status',
  'reviewNote',
  'version',
  'updatedAt',
  'updatedBy',
] as const;

export class DynamoPlanRepository implements PlanRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(branchId: string, year: number) {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: key(branchId, year), ConsistentRead: true }));
    return res.Item ? (pick(res.Item, FIELDS) as unknown as StoredPlan) : undefined;
  }

  async put(plan: StoredPlan, expectedVersion: number) {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...key(plan.branchId, plan.year),
            entity: 'plan',
            gsi1pk: `TWN#${plan.townshipId}#PLANS#${plan.year}`,
            gsi1sk: `${plan.status}#${plan.branchId}`,
            ...plan,
          },
          ...(expectedVersion === 0
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } }),
        }),
      );
    } catch (err) {
      if (isConditionalCheckFailed(err)) throw conflict('计划已被他人修改，请刷新后重试');
      throw err;
    }
  }

  async addTaskUpdate(branchId: string, year: number, u: StoredTaskUpdate, latest: TaskLatest & { townshipId: string }) {
    const { townshipId, ...state } = latest;
    await this.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.table,
              Item: { pk: `BR#${branchId}`, sk: `${updatePrefix(year, u.taskId)}${u.at}#${u.id}`, entity: 'task-update', ...u },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: this.table,
              Item: {
                ...latestKey(branchId, year, u.taskId),
                entity: 'task-latest',
                gsi1pk: `TWN#${townshipId}#PROG#${year}`,
                gsi1sk: `${branchId}#${u.taskId}`,
                ...state,
              },
            },
          },
        ],
      }),
    );
  }

  async latestTask(branchId: string, year: number, taskId: string) {
    const res = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: latestKey(branchId, year, taskId), ConsistentRead: true }),
    );
    return res.Item ? (pick(res.Item, LATEST_FIELDS) as unknown as TaskLatest) : undefined;
  }

  async latestForTownship(townshipId: string, year: number) {
    const items = await queryGsi1<Record<string, unknown>>(this.doc, this.table, `TWN#${townshipId}#PROG#${year}`);
    return items.map((i) => pick(i, LATEST_FIELDS) as unknown as TaskLatest);
  }

  async latestForBranch(branchId: string, year: number) {
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': `BR#${branchId}`, ':p': `PLAN#${year}#LATEST#` },
    });
    return items.map((i) => pick(i, LATEST_FIELDS) as unknown as TaskLatest);
  }

  async listForTownship(townshipId: string, year: number) {
    const items = await queryGsi1<Record<string, unknown>>(this.doc, this.table, `TWN#${townshipId}#PLANS#${year}`);
    return items.map((i) => pick(i, FIELDS) as unknown as StoredPlan);
  }

  async taskUpdates(branchId: string, year: number, taskId: string) {
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': `BR#${branchId}`, ':p': updatePrefix(year, taskId) },
      ScanIndexForward: false,
    });
    return items.map((i) => Object.fromEntries(UPDATE_FIELDS.map((f) => [f, i[f]])) as unknown as StoredTaskUpdate);
  }
}
