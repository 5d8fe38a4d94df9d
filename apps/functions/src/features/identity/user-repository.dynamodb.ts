import { BatchGetCommand, type DynamoDBDocumentClient, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Item } from '../../platform/dynamodb/entity';
import { expectVersion } from '../../platform/dynamodb/optimistic';
import { queryAll, queryGsi1 } from '../../platform/dynamodb/query-all';
import { failedCondition, isConditionalCheckFailed } from '../../platform/dynamodb/transaction-errors';
import { conflict, notFound } from '../../platform/kernel/domain-error';
import type { Binding, UserProfile } from '../../platform/kernel/principal';
import { identityEntities } from './identity.entities';
import type { PersonCard, ProfileChange, UserRepository } from './user-repository';

/** BatchGetItem takes at most 100 keys a request. */
const BATCH = 100;

const { profile: profileEntity, binding: bindingEntity, openid: openidLink } = identityEntities;

export class DynamoUserRepository implements UserRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async getUser(userId: string) {
    // Strongly consistent: a revoked binding must stop working on the very next request.
    const { pk, profileSk, bindingPrefix } = identityEntities.userPartition(userId);
    const items = await queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ConsistentRead: true,
    });
    const profile = items.find((i) => i.sk === profileSk);
    if (!profile) return undefined;
    const bindings = items.filter((i) => String(i.sk).startsWith(bindingPrefix)).map((i) => bindingEntity.parse(i));
    return { profile: profileEntity.parse(profile), bindings };
  }

  async findOrCreateByOpenid(openid: string, candidate: UserProfile): Promise<UserProfile> {
    const existing = await this.profileByOpenid(openid);
    if (existing) {
      if (!existing.hasOpenid) {
        // Users created before openids were kept on the profile get it on their next login.
        await this.doc.send(
          new UpdateCommand({
            TableName: this.table,
            Key: profileEntity.key({ userId: existing.profile.id }),
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
                Item: openidLink.item({ openid }, { userId: candidate.id, createdAt: candidate.createdAt }),
                ...expectVersion(0),
              },
            },
            // The openid stays server-side (the profile's fields never include it); the WeChat notifier needs it.
            {
              Put: {
                TableName: this.table,
                Item: profileEntity.item({ userId: candidate.id }, candidate, { openid }),
                ...expectVersion(0),
              },
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
    const link = await this.doc.send(new GetCommand({ TableName: this.table, Key: openidLink.key({ openid }), ConsistentRead: true }));
    if (!link.Item) return undefined;
    const res = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: profileEntity.key({ userId: link.Item.userId }), ConsistentRead: true }),
    );
    return res.Item ? { profile: profileEntity.parse(res.Item), hasOpenid: Boolean(res.Item.openid) } : undefined;
  }

  async listDemoUsers(): Promise<UserProfile[]> {
    const items = await queryGsi1<Item>(this.doc, this.table, identityEntities.demoUsers);
    return items.map((i) => profileEntity.parse(i));
  }

  async updateProfile(userId: string, change: ProfileChange): Promise<UserProfile> {
    const values: Record<string, unknown> = { ':n': change.displayName, ':at': change.at };
    let update = 'SET displayName = :n, nameSetAt = :at';
    if (typeof change.workPhone === 'string') {
      update += ', workPhone = :p';
      values[':p'] = change.workPhone;
    }
    if (change.workPhone === null) update += ' REMOVE workPhone';
    try {
      const res = await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: profileEntity.key({ userId }),
          UpdateExpression: update,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return profileEntity.parse(res.Attributes ?? {});
    } catch (err) {
      if (isConditionalCheckFailed(err)) throw notFound('用户');
      throw err;
    }
  }

  async peopleOf(userIds: Iterable<string>): Promise<Map<string, PersonCard>> {
    const ids = [...new Set(userIds)];
    const out = new Map<string, PersonCard>();
    for (let i = 0; i < ids.length; i += BATCH) {
      let keys: Record<string, unknown>[] = ids.slice(i, i + BATCH).map((userId) => ({ ...profileEntity.key({ userId }) }));
      for (let attempt = 0; keys.length; attempt++) {
        if (attempt) await new Promise((r) => setTimeout(r, Math.min(500, 25 * 2 ** attempt)));
        const res = await this.doc.send(
          new BatchGetCommand({
            RequestItems: {
              // Consistent: a name changed a moment ago shows on the very next read.
              [this.table]: { Keys: keys, ConsistentRead: true, ProjectionExpression: 'id, displayName, workPhone' },
            },
          }),
        );
        for (const item of res.Responses?.[this.table] ?? []) {
          const p = item as { id: string; displayName: string; workPhone?: string };
          out.set(p.id, { displayName: p.displayName, ...(p.workPhone ? { workPhone: p.workPhone } : {}) });
        }
        keys = (res.UnprocessedKeys?.[this.table]?.Keys ?? []) as Record<string, unknown>[];
      }
    }
    return out;
  }

  async listBindings(districtId: string, townshipKey?: string): Promise<Binding[]> {
    const items = await queryGsi1<Item>(this.doc, this.table, identityEntities.bindingsOf(districtId), townshipKey);
    return items.map((i) => bindingEntity.parse(i));
  }

  async getBinding(userId: string, bindingId: string): Promise<Binding | undefined> {
    const res = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: bindingEntity.key({ userId, bindingId }), ConsistentRead: true }),
    );
    return res.Item ? bindingEntity.parse(res.Item) : undefined;
  }

  async revokeBinding(userId: string, bindingId: string, revokedAt: string, revokedBy: string): Promise<Binding> {
    try {
      const res = await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: bindingEntity.key({ userId, bindingId }),
          UpdateExpression: 'SET revokedAt = :at, revokedBy = :by',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
          ExpressionAttributeValues: { ':at': revokedAt, ':by': revokedBy },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return bindingEntity.parse(res.Attributes ?? {});
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
      const current = await this.getBinding(userId, bindingId);
      throw current ? conflict('该身份绑定已被撤销') : notFound('身份绑定');
    }
  }
}
