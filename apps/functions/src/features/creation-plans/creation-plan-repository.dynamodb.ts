import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Item } from '../../platform/dynamodb/entity';
import { expectVersion } from '../../platform/dynamodb/optimistic';
import { queryAll } from '../../platform/dynamodb/query-all';
import { cancellationReasons } from '../../platform/dynamodb/transaction-errors';
import { conflict } from '../../platform/kernel/domain-error';
import { revisionOf, type StoredDistrictPlan, type StoredTownshipPlan } from './creation-plan';
import type { CreationPlanRepository } from './creation-plan-repository';
import { creationPlanEntities as E } from './creation-plans.entities';

const EDITED = '规划已被他人修改，请刷新后再改';

export class DynamoCreationPlanRepository implements CreationPlanRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly districtId: string,
  ) {}

  async plansOfYear(year: number) {
    const items = await queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': E.yearPk(this.districtId, year) },
      ConsistentRead: true,
    });
    const district = items.find((i) => i.entity === E.districtPlan.name);
    return {
      ...(district ? { district: E.districtPlan.parse(district) } : {}),
      townships: items.filter((i) => i.entity === E.townshipPlan.name).map((i) => E.townshipPlan.parse(i)),
    };
  }

  async getTownshipPlan(year: number, townshipId: string) {
    const res = await this.doc.send(
      new GetCommand({
        TableName: this.table,
        Key: E.townshipPlan.key({ districtId: this.districtId, year, townshipId }),
        ConsistentRead: true,
      }),
    );
    return res.Item ? E.townshipPlan.parse(res.Item) : undefined;
  }

  saveDistrictPlan(plan: StoredDistrictPlan, expectedVersion: number) {
    return this.save(E.districtPlan.item({ districtId: this.districtId, year: plan.year }, plan), 'district', plan, expectedVersion);
  }

  saveTownshipPlan(plan: StoredTownshipPlan, expectedVersion: number) {
    const item = E.townshipPlan.item({ districtId: this.districtId, year: plan.year, townshipId: plan.townshipId }, plan);
    return this.save(item, plan.townshipId, plan, expectedVersion);
  }

  private async save(item: Item, scope: string, plan: StoredDistrictPlan | StoredTownshipPlan, expectedVersion: number) {
    const key = { districtId: this.districtId, year: plan.year, scope, version: plan.version };
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.table, Item: item, ...expectVersion(expectedVersion) } },
            { Put: { TableName: this.table, Item: E.revision.item(key, revisionOf(scope, plan)), ...expectVersion(0) } },
          ],
        }),
      );
    } catch (err) {
      // Two editors from the same version: the first transaction wins, the second fails its condition.
      if (cancellationReasons(err)) throw conflict(EDITED, 'body.version');
      throw err;
    }
  }

  async revisions(year: number, scope: string) {
    const items = await queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': E.revisionPk(this.districtId, year, scope) },
      ScanIndexForward: false,
    });
    return items.map((i) => E.revision.parse(i));
  }
}
