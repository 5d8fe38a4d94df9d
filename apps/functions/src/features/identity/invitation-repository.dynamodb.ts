import { type DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Item } from '../../platform/dynamodb/entity';
import { expectVersion, orConflict } from '../../platform/dynamodb/optimistic';
import { queryGsi1 } from '../../platform/dynamodb/query-all';
import { isTransactionConflict } from '../../platform/dynamodb/transaction-errors';
import type { Binding } from '../../platform/kernel/principal';
import { identityEntities } from './identity.entities';
import { type Invitation, isExpired } from './invitation';
import type { BindingDraft, InvitationRepository, RedeemingPerson, RedeemResult } from './invitation-repository';

const { invitation: invitationEntity, binding: bindingEntity, profile: profileEntity } = identityEntities;

const MAX_ATTEMPTS = 4;

export class DynamoInvitationRepository implements InvitationRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async create(inv: Invitation): Promise<void> {
    await orConflict(
      () =>
        this.doc.send(
          new PutCommand({
            TableName: this.table,
            Item: invitationEntity.item({ codeHash: inv.codeHash }, inv),
            ...expectVersion(0),
          }),
        ),
      '邀请码重复，请重试',
    );
  }

  async list(districtId: string, townshipKey?: string): Promise<Invitation[]> {
    const items = await queryGsi1<Item>(this.doc, this.table, identityEntities.invitationsOf(districtId), townshipKey);
    return items.map((i) => invitationEntity.parse(i)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async find(codeHash: string): Promise<Invitation | undefined> {
    const res = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: invitationEntity.key({ codeHash }), ConsistentRead: true }),
    );
    return res.Item ? invitationEntity.parse(res.Item) : undefined;
  }

  /** The redeemer's profile takes the confirmed name (and phone); the profile must exist. */
  private nameTheRedeemer(userId: string, name: string, person: RedeemingPerson, at: string) {
    const values: Record<string, unknown> = { ':n': name, ':at': at };
    if (person.workPhone) values[':p'] = person.workPhone;
    return {
      Update: {
        TableName: this.table,
        Key: profileEntity.key({ userId }),
        UpdateExpression: `SET displayName = :n, nameSetAt = :at${person.workPhone ? ', workPhone = :p' : ''}`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: values,
      },
    };
  }

  async redeem(codeHash: string, draft: BindingDraft, now: Date, person?: RedeemingPerson): Promise<RedeemResult> {
    const key = invitationEntity.key({ codeHash });
    for (let attempt = 1; ; attempt++) {
      const inv = await this.find(codeHash);
      if (!inv) return { outcome: 'invalid' };
      if (inv.status === 'redeemed') return { outcome: 'used' };
      if (inv.status !== 'open') return { outcome: 'invalid' };
      if (isExpired(inv, now)) return { outcome: 'expired' };
      const binding: Binding = {
        ...draft,
        role: inv.role,
        scope: inv.scope,
        scopeLabel: inv.scopeLabel,
        ...(inv.star ? { star: inv.star } : {}),
        holderName: person?.name ?? inv.inviteeName,
        createdBy: inv.createdBy,
      };
      try {
        await this.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: this.table,
                  Key: key,
                  UpdateExpression: 'SET #status = :redeemed, redeemedBy = :user, redeemedAt = :now',
                  ConditionExpression: '#status = :open AND expiresAt > :now',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':redeemed': 'redeemed', ':open': 'open', ':user': draft.userId, ':now': now.toISOString() },
                },
              },
              {
                Put: {
                  TableName: this.table,
                  Item: bindingEntity.item({ userId: binding.userId, bindingId: binding.bindingId }, binding),
                  ...expectVersion(0),
                },
              },
              ...(person ? [this.nameTheRedeemer(draft.userId, binding.holderName ?? inv.inviteeName, person, draft.createdAt)] : []),
            ],
          }),
        );
        return { outcome: 'redeemed', binding };
      } catch (err) {
        // Lost a race: re-read and report what the winner left; retry only a transaction conflict.
        if (isTransactionConflict(err) && attempt < MAX_ATTEMPTS) {
          await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
          continue;
        }
        if (attempt < MAX_ATTEMPTS && (err as { name?: string }).name === 'TransactionCanceledException') continue;
        throw err;
      }
    }
  }
}
