import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../platform/dynamodb/legacy-keys';
import { queryAll, queryGsi1 } from '../../platform/dynamodb/query-all';
import { failedCondition, isConditionalCheckFailed } from '../../platform/dynamodb/transaction-errors';
import { conflict, notFound } from '../../platform/kernel/domain-error';
import { type Binding, townshipKeyOf, type UserProfile } from '../../platform/kernel/principal';
import type { UserRepository } from './user-repository';

const PROFILE_FIELDS = ['id', 'displayName', 'isDemo', 'createdAt', 'demo'] as const;
const BINDING_FIELDS = ['bindingId', 'userId', 'role', 'scope', 'scopeLabel', 'holderName', 'createdAt', 'createdBy', 'revokedAt'] as const;

function pick<T>(item: Record<string, unknown>, fields: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (item[f] !== undefined) out[f] = item[f];
  return out as T;
}

export function profileItem(p: UserProfile) {
  return {
    ...keys.user(p.id),
    entity: 'user',
    ...(p.demo ? { gsi1pk: keys.demoUsers, gsi1sk: String(p.demo.order).padStart(4, '0') } : {}),
    ...p,
  };
}

export function bindingItem(b: Binding) {
  return {
    ...keys.binding(b.userId, b.bindingId),
    gsi1pk: keys.bindingsOf(b.scope.districtId),
    gsi1sk: `${townshipKeyOf(b.scope)}#${b.createdAt}#${b.bindingId}`,
    entity: 'binding',
    ...b,
  };
}

export class DynamoUserRepository implements UserRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async getUser(userId: string) {
    // Strongly consistent: a revoked binding must stop working on the very next request.
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.userPk(userId) },
      ConsistentRead: true,
    });
    const profile = items.find((i) => i.sk === 'PROFILE');
    if (!profile) return undefined;
    const bindings = items.filter((i) => String(i.sk).startsWith(keys.bindingPrefix)).map((i) => pick<Binding>(i, BINDING_FIELDS));
    return { profile: pick<UserProfile>(profile, PROFILE_FIELDS), bindings };
  }

  async findOrCreateByOpenid(openid: string, candidate: UserProfile): Promise<UserProfile> {
    const existing = await this.profileByOpenid(openid);
    if (existing) {
      if (!existing.hasOpenid) {
        // Users created before openids were kept on the profile get it on their next login.
        await this.doc.send(
          new UpdateCommand({
            TableName: this.table,
            Key: keys.user(existing.profile.id),
            UpdateExpression: 'SET openid = if_not_exists(openid, :o)',
            ExpressionAttributeValues: { ':o': openid },
          }),
        );
      }
      return existing.profile;
    }
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: { ...keys.openid(openid), userId: candidate.id, createdAt: candidate.createdAt },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            // The openid stays server-side (PROFILE_FIELDS never returns it); the WeChat notifier needs it.
            {
              Put: { TableName: this.table, Item: { ...profileItem(candidate), openid }, ConditionExpression: 'attribute_not_exists(pk)' },
            },
          ],
        }),
      );
      return candidate;
    } catch (err) {
      // A concurrent first login for the same openid won: use its user.
      if (failedCondition(err, 0)) {
        const winner = await this.profileByOpenid(openid);
        if (winner) return winner.profile;
      }
      throw err;
    }
  }

  private async profileByOpenid(openid: string): Promise<{ profile: UserProfile; hasOpenid: boolean } | undefined> {
    const link = await this.doc.send(new GetCommand({ TableName: this.table, Key: keys.openid(openid), ConsistentRead: true }));
    if (!link.Item) return undefined;
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: keys.user(link.Item.userId), ConsistentRead: true }));
    return res.Item ? { profile: pick<UserProfile>(res.Item, PROFILE_FIELDS), hasOpenid: Boolean(res.Item.openid) } : undefined;
  }

  async listDemoUsers(): Promise<UserProfile[]> {
    const items = await queryGsi1<Record<string, unknown>>(this.doc, this.table, keys.demoUsers);
    return items.map((i) => pick<UserProfile>(i, PROFILE_FIELDS));
  }

  async listBindings(districtId: string, townshipKey?: string): Promise<Binding[]> {
    const items = await queryGsi1<Record<string, unknown>>(this.doc, this.table, keys.bindingsOf(districtId), townshipKey);
    return items.map((i) => pick<Binding>(i, BINDING_FIELDS));
  }

  async getBinding(userId: string, bindingId: string): Promise<Binding | undefined> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: keys.binding(userId, bindingId), ConsistentRead: true }));
    return res.Item ? pick<Binding>(res.Item, BINDING_FIELDS) : undefined;
  }

  async revokeBinding(userId: string, bindingId: string, revokedAt: string, revokedBy: string): Promise<Binding> {
    try {
      const res = await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.binding(userId, bindingId),
          UpdateExpression: 'SET revokedAt = :at, revokedBy = :by',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
          ExpressionAttributeValues: { ':at': revokedAt, ':by': revokedBy },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return pick<Binding>(res.Attributes ?? {}, BINDING_FIELDS);
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
      const current = await this.getBinding(userId, bindingId);
      throw current ? conflict('该身份绑定已被撤销') : notFound('身份绑定');
    }
  }
}
