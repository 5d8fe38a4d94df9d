import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../platform/dynamodb/legacy-keys';
import { queryAll, queryGsi1 } from '../../platform/dynamodb/query-all';
import { failedCondition } from '../../platform/dynamodb/transaction-errors';
import { conflict, notFound } from '../../platform/kernel/domain-error';
import type { Branch, District, Township } from './org';
import type { OrgRepository } from './org-repository';

interface TownshipItem {
  id: string;
  districtId: string;
  name: string;
  kind: Township['kind'];
  isDemo: boolean;
  order: number;
  ruralCount?: number;
  communityCount?: number;
}

const toTownship = (i: TownshipItem): Township => ({
  id: i.id,
  districtId: i.districtId,
  name: i.name,
  kind: i.kind,
  isDemo: i.isDemo,
  order: i.order,
  counts: { rural: i.ruralCount ?? 0, community: i.communityCount ?? 0 },
});

const toBranch = (i: Record<string, unknown>): Branch => ({
  id: i.id as string,
  districtId: i.districtId as string,
  townshipId: i.townshipId as string,
  name: i.name as string,
  type: i.type as Branch['type'],
  isDemo: Boolean(i.isDemo),
  version: i.version as number,
  createdAt: i.createdAt as string,
  updatedAt: i.updatedAt as string,
});

export function branchItem(b: Branch) {
  return {
    ...keys.branch(b.id),
    gsi1pk: keys.branchesOfTownship(b.townshipId),
    gsi1sk: `${b.name}#${b.id}`,
    entity: 'branch',
    ...b,
  };
}

export function townshipItem(t: Township) {
  const { counts, ...rest } = t;
  return { ...keys.township(t.districtId, t.id), entity: 'township', ...rest, ruralCount: counts.rural, communityCount: counts.community };
}

export class DynamoOrgRepository implements OrgRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async getDistrict(districtId: string): Promise<District | undefined> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: keys.district(districtId) }));
    return res.Item ? { id: res.Item.id, name: res.Item.name } : undefined;
  }

  async listTownships(districtId: string): Promise<Township[]> {
    const items = await queryAll<TownshipItem>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.district(districtId).pk, ':p': keys.townshipPrefix },
    });
    return items.map(toTownship).sort((a, b) => a.order - b.order);
  }

  async getTownship(districtId: string, townshipId: string): Promise<Township | undefined> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: keys.township(districtId, townshipId) }));
    return res.Item ? toTownship(res.Item as TownshipItem) : undefined;
  }

  async listBranches(townshipId: string): Promise<Branch[]> {
    const items = await queryGsi1<Record<string, unknown>>(this.doc, this.table, keys.branchesOfTownship(townshipId));
    return items.map(toBranch);
  }

  async getBranch(branchId: string): Promise<Branch | undefined> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: keys.branch(branchId) }));
    return res.Item ? toBranch(res.Item) : undefined;
  }

  async createBranch(branch: Branch): Promise<void> {
    const counter = branch.type === 'rural' ? 'ruralCount' : 'communityCount';
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.table, Item: branchItem(branch), ConditionExpression: 'attribute_not_exists(pk)' } },
            {
              Put: {
                TableName: this.table,
                Item: { ...keys.branchName(branch.townshipId, branch.name), branchId: branch.id },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Update: {
                TableName: this.table,
                Key: keys.township(branch.districtId, branch.townshipId),
                UpdateExpression: `ADD ${counter} :one`,
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ],
        }),
      );
    } catch (err) {
      if (failedCondition(err, 0)) throw conflict('支部编号重复');
      if (failedCondition(err, 1)) throw conflict('该乡镇（街道）已有同名支部', 'body.name');
      if (failedCondition(err, 2)) throw notFound('乡镇（街道）');
      throw err;
    }
  }

  async renameBranch(branch: Branch, newName: string, expectedVersion: number, now: string): Promise<Branch> {
    // The name lock to release is the one read with `branch`, so that read must be the version being replaced.
    if (branch.version !== expectedVersion) throw conflict('支部信息已被他人修改，请刷新后重试');
    const renamed: Branch = { ...branch, name: newName, version: expectedVersion + 1, updatedAt: now };
    const nameChanged = newName !== branch.name;
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: keys.branch(branch.id),
                UpdateExpression: 'SET #name = :name, version = :next, updatedAt = :now, gsi1sk = :sort',
                ConditionExpression: 'attribute_exists(pk) AND version = :expected',
                ExpressionAttributeNames: { '#name': 'name' },
                ExpressionAttributeValues: {
                  ':name': newName,
                  ':next': expectedVersion + 1,
                  ':expected': expectedVersion,
                  ':now': now,
                  ':sort': `${newName}#${branch.id}`,
                },
              },
            },
            ...(nameChanged
              ? [
                  {
                    Put: {
                      TableName: this.table,
                      Item: { ...keys.branchName(branch.townshipId, newName), branchId: branch.id },
                      ConditionExpression: 'attribute_not_exists(pk)',
                    },
                  },
                  { Delete: { TableName: this.table, Key: keys.branchName(branch.townshipId, branch.name) } },
                ]
              : []),
          ],
        }),
      );
    } catch (err) {
      if (failedCondition(err, 0)) throw conflict('支部信息已被他人修改，请刷新后重试');
      if (failedCondition(err, 1)) throw conflict('该乡镇（街道）已有同名支部', 'body.name');
      throw err;
    }
    return renamed;
  }
}
