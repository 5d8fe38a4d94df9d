import { type DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../platform/dynamodb/legacy-keys';
import { queryGsi1 } from '../../platform/dynamodb/query-all';
import { isConditionalCheckFailed, isTransactionConflict } from '../../platform/dynamodb/transaction-errors';
import { conflict } from '../../platform/kernel/domain-error';
import { type Binding, townshipKeyOf } from '../../platform/kernel/principal';
import { type Invitation, isExpired } from './invitation';
import type { BindingDraft, InvitationRepository, RedeemResult } from './invitation-repository';
import { bindingItem } from './user-repository.dynamodb';

const FIELDS = [
  'id',
  'codeHash',
  'inviteeName',
  'role',
  'scope',
  'scopeLabel',
  'status',
  'expiresAt',
  'createdAt',
  'createdBy',
  'redeemedBy',
  'redeemedAt',
] as const;

function toInvitation(item: Record<string, unknown>): Invitation {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) if (item[f] !== undefined) out[f] = item[f];
  return out as unknown as Invitation;
}

const MAX_ATTEMPTS = 4;

export class DynamoInvitationRepository implements InvitationRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async create(inv: Invitation): Promise<void> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...keys.invitation(inv.codeHash),
            gsi1pk: keys.invitationsOf(inv.scope.districtId),
            gsi1sk: `${townshipKeyOf(inv.scope)}#${inv.createdAt}#${inv.id}`,
            entity: 'invitation',
            ...inv,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (err) {
      if (isConditionalCheckFailed(err)) throw conflict('邀请码重复，请重试');
      throw err;
    }
  }

  async list(districtId: string, townshipKey?: string): Promise<Invitation[]> {
    const items = await queryGsi1<Record<string, unknown>>(this.doc, this.table, keys.invitationsOf(districtId), townshipKey);
    return items.map(toInvitation).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async redeem(codeHash: string, draft: BindingDraft, now: Date): Promise<RedeemResult> {
    for (let attempt = 1; ; attempt++) {
      const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: keys.invitation(codeHash), ConsistentRead: true }));
      if (!res.Item) return { outcome: 'invalid' };
      const inv = toInvitation(res.Item);
      if (inv.status === 'redeemed') return { outcome: 'used' };
      if (inv.status !== 'open') return { outcome: 'invalid' };
      if (isExpired(inv, now)) return { outcome: 'expired' };
      const binding: Binding = {
        ...draft,
        role: inv.role,
        scope: inv.scope,
        scopeLabel: inv.scopeLabel,
        holderName: inv.inviteeName,
        createdBy: inv.createdBy,
      };
      try {
        await this.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: this.table,
                  Key: keys.invitation(codeHash),
                  UpdateExpression: 'SET #status = :redeemed, redeemedBy = :user, redeemedAt = :now',
                  ConditionExpression: '#status = :open AND expiresAt > :now',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':redeemed': 'redeemed', ':open': 'open', ':user': draft.userId, ':now': now.toISOString() },
                },
              },
              { Put: { TableName: this.table, Item: bindingItem(binding), ConditionExpression: 'attribute_not_exists(pk)' } },
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
