import { type DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Item } from '../../platform/dynamodb/entity';
import { expectVersion, orConflict } from '../../platform/dynamodb/optimistic';
import { queryAll, queryGsi1 } from '../../platform/dynamodb/query-all';
import { cancellationReasons } from '../../platform/dynamodb/transaction-errors';
import { conflict } from '../../platform/kernel/domain-error';
import { NO_NOTICES, type NoticeWrites } from '../../platform/notify/notices';
import type { StoredPlan } from './branch-plan';
import type { PlanRepository } from './plan-repository';
import { plansEntities as e } from './plans.entities';
import type { StoredTaskUpdate, TaskLatest } from './task-progress';

const STALE = '计划已被他人修改，请刷新后重试';

export class DynamoPlanRepository implements PlanRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(branchId: string, year: number) {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: e.plan.key({ branchId, year }), ConsistentRead: true }));
    return res.Item ? e.plan.parse(res.Item) : undefined;
  }

  async put(plan: StoredPlan, expectedVersion: number, notices: NoticeWrites = NO_NOTICES) {
    const put = {
      TableName: this.table,
      Item: e.plan.item({ branchId: plan.branchId, year: plan.year }, plan),
      ...expectVersion(expectedVersion),
    };
    if (!notices.writes.length) return void (await orConflict(() => this.doc.send(new PutCommand(put)), STALE));
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: [{ Put: put }, ...notices.writes] }));
    } catch (err) {
      if (cancellationReasons(err)) throw conflict(STALE);
      throw err;
    }
  }

  async addTaskUpdate(branchId: string, year: number, u: StoredTaskUpdate, latest: TaskLatest & { townshipId: string }) {
    const taskId = u.taskId;
    await this.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.table,
              Item: e.taskUpdate.item({ branchId, year, taskId, at: u.at, id: u.id }, u),
              ...expectVersion(0),
            },
          },
          { Put: { TableName: this.table, Item: e.taskLatest.item({ branchId, year, taskId }, { ...latest, year }) } },
        ],
      }),
    );
  }

  async latestTask(branchId: string, year: number, taskId: string) {
    const res = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: e.taskLatest.key({ branchId, year, taskId }), ConsistentRead: true }),
    );
    return res.Item ? e.taskLatest.parse(res.Item) : undefined;
  }

  async latestForTownship(townshipId: string, year: number) {
    const items = await queryGsi1<Item>(this.doc, this.table, e.townshipTaskLatest(townshipId, year));
    return items.map(e.taskLatest.parse);
  }

  async latestForBranch(branchId: string, year: number) {
    const { pk, skPrefix } = e.branchTaskLatest(branchId, year);
    return (await this.beginsWith(pk, skPrefix)).map(e.taskLatest.parse);
  }

  async listApproved(townshipId: string, year: number) {
    const items = await queryGsi1<Item>(this.doc, this.table, e.townshipPlans(townshipId, year), 'approved');
    return items.map(e.plan.parse);
  }

  async listForTownship(townshipId: string, year: number) {
    const items = await queryGsi1<Item>(this.doc, this.table, e.townshipPlans(townshipId, year));
    return items.map(e.plan.parse);
  }

  async taskUpdates(branchId: string, year: number, taskId: string) {
    const { pk, skPrefix } = e.taskUpdates(branchId, year, taskId);
    return (await this.beginsWith(pk, skPrefix, { newestFirst: true })).map(e.taskUpdate.parse);
  }

  private beginsWith(pk: string, skPrefix: string, opts: { newestFirst?: boolean } = {}) {
    return queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': pk, ':p': skPrefix },
      ...(opts.newestFirst ? { ScanIndexForward: false } : {}),
    });
  }
}
