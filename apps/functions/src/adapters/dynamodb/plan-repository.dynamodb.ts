import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conflict } from '../../domain/domain-error';
import type { StoredPlan } from '../../domain/plan';
import type { PlanRepository } from '../../ports/plan-repository';
import { isConditionalCheckFailed } from './transaction-errors';

/** BR#{b} / PLAN#{year}; gsi1 TWN#{t}#PLANS#{year} / {status}#{branch} for the township's board. */
const key = (b: string, year: number) => ({ pk: `BR#${b}`, sk: `PLAN#${year}` });
const FIELDS = ['branchId', 'branchName', 'townshipId', 'districtId', 'year', 'catalogueVersion', 'content', 'status', 'reviewNote', 'version', 'updatedAt', 'updatedBy'] as const;

export class DynamoPlanRepository implements PlanRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(branchId: string, year: number) {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: key(branchId, year), ConsistentRead: true }));
    return res.Item ? (Object.fromEntries(FIELDS.filter((f) => res.Item![f] !== undefined).map((f) => [f, res.Item![f]])) as unknown as StoredPlan) : undefined;
  }

  async put(plan: StoredPlan, expectedVersion: number) {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...key(plan.branchId, plan.year), entity: 'plan', gsi1pk: `TWN#${plan.townshipId}#PLANS#${plan.year}`, gsi1sk: `${plan.status}#${plan.branchId}`, ...plan },
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
}
