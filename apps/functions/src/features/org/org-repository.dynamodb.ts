import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Item } from '../../platform/dynamodb/entity';
import { expectExistingVersion, expectVersion } from '../../platform/dynamodb/optimistic';
import { queryAll, queryGsi1 } from '../../platform/dynamodb/query-all';
import { failedCondition } from '../../platform/dynamodb/transaction-errors';
import { conflict, notFound } from '../../platform/kernel/domain-error';
import type { Branch, District, Township } from './org';
import { orgEntities, TOWNSHIP_COUNTER, townshipOf } from './org.entities';
import type { OrgRepository } from './org-repository';

const { district, township, branch: branchEntity, branchName } = orgEntities;

const toBranch = (i: Item): Branch => ({ ...branchEntity.parse(i), isDemo: Boolean(i.isDemo) });

export class DynamoOrgRepository implements OrgRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async getDistrict(districtId: string): Promise<District | undefined> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: district.key({ districtId }) }));
    return res.Item ? district.parse(res.Item) : undefined;
  }

  async listTownships(districtId: string): Promise<Township[]> {
    const { pk, skPrefix } = orgEntities.townshipsOf(districtId);
    const items = await queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': pk, ':p': skPrefix },
    });
    return items.map((i) => townshipOf(township.parse(i))).sort((a, b) => a.order - b.order);
  }

  async getTownship(districtId: string, townshipId: string): Promise<Township | undefined> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: township.key({ districtId, townshipId }) }));
    return res.Item ? townshipOf(township.parse(res.Item)) : undefined;
  }

  async listBranches(townshipId: string): Promise<Branch[]> {
    const items = await queryGsi1<Item>(this.doc, this.table, orgEntities.branchesOf(townshipId));
    return items.map(toBranch);
  }

  async getBranch(branchId: string): Promise<Branch | undefined> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: branchEntity.key({ branchId }) }));
    return res.Item ? toBranch(res.Item) : undefined;
  }

  async createBranch(branch: Branch): Promise<void> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.table, Item: branchEntity.item({ branchId: branch.id }, branch), ...expectVersion(0) } },
            {
              Put: {
                TableName: this.table,
                Item: branchName.item({ townshipId: branch.townshipId, name: branch.name }, { branchId: branch.id }),
                ...expectVersion(0),
              },
            },
            {
              Update: {
                TableName: this.table,
                Key: township.key({ districtId: branch.districtId, townshipId: branch.townshipId }),
                UpdateExpression: `ADD ${TOWNSHIP_COUNTER[branch.type]} :one`,
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
    const lock = expectExistingVersion(expectedVersion);
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: branchEntity.key({ branchId: branch.id }),
                UpdateExpression: 'SET #name = :name, version = :next, updatedAt = :now, gsi1sk = :sort',
                ConditionExpression: lock.ConditionExpression,
                ExpressionAttributeNames: { '#name': 'name', ...lock.ExpressionAttributeNames },
                ExpressionAttributeValues: {
                  ':name': newName,
                  ':next': expectedVersion + 1,
                  ':now': now,
                  ':sort': orgEntities.branchIndex(renamed).gsi1sk,
                  ...lock.ExpressionAttributeValues,
                },
              },
            },
            ...(nameChanged
              ? [
                  {
                    Put: {
                      TableName: this.table,
                      Item: branchName.item({ townshipId: branch.townshipId, name: newName }, { branchId: branch.id }),
                      ...expectVersion(0),
                    },
                  },
                  { Delete: { TableName: this.table, Key: branchName.key({ townshipId: branch.townshipId, name: branch.name }) } },
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
