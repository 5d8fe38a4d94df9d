import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { NoticeKind } from '@chuangxing/shared';
import type { Item } from '../dynamodb/entity';
import { queryAll } from '../dynamodb/query-all';
import { failedCondition, isConditionalCheckFailed } from '../dynamodb/transaction-errors';
import type { Consent, ConsentChange, ConsentStore } from './consent-store';
import { inboxEntities, inboxPartitions } from './inbox.entities';
import { ttlAfter } from './outbox.entities';

const { consent, answer } = inboxEntities;
const ANSWER_TTL_SECONDS = 2 * 86_400;
const NAMES = { '#r': 'remaining', '#a': 'active', '#k': 'kind', '#u': 'updatedAt', '#e': 'entity' };
/** Every update names each attribute (DynamoDB refuses unused names), so each leaves a complete item. */
const IDENTITY = '#k = :kind, #u = :at, #e = :entity';

/** One item per user and kind (`INBOX#{u}` / `CONSENT#{kind}`); every change is a single conditional update. */
export class DynamoConsentStore implements ConsentStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private async update(userId: string, kind: NoticeKind, at: string, set: string, values: Item = {}, condition?: string) {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: consent.key({ userId, kind }),
          UpdateExpression: `SET ${set}, ${IDENTITY}`,
          ...(condition ? { ConditionExpression: condition } : {}),
          ExpressionAttributeNames: NAMES,
          ExpressionAttributeValues: { ':kind': kind, ':at': at, ':entity': consent.name, ...values },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }

  async list(userId: string): Promise<Consent[]> {
    const items = await queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': inboxPartitions.inbox(userId), ':p': inboxPartitions.consentPrefix },
    });
    return items.map((i) => consent.parse(i));
  }

  async record(userId: string, key: string, changes: readonly ConsentChange[], at: string) {
    const change = (c: ConsentChange) =>
      c.change === 'grant_once'
        ? { set: '#r = if_not_exists(#r, :zero) + :one, #a = if_not_exists(#a, :off)', values: { ':zero': 0, ':one': 1, ':off': false } }
        : { set: '#a = :active, #r = if_not_exists(#r, :zero)', values: { ':active': c.change === 'long_term_on', ':zero': 0 } };
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: answer.item({ userId, key }, { at }, { ttl: ttlAfter(new Date(at), ANSWER_TTL_SECONDS) }),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...changes.map((c) => {
              const { set, values } = change(c);
              return {
                Update: {
                  TableName: this.table,
                  Key: consent.key({ userId, kind: c.kind }),
                  UpdateExpression: `SET ${set}, ${IDENTITY}`,
                  ExpressionAttributeNames: NAMES,
                  ExpressionAttributeValues: { ':kind': c.kind, ':at': at, ':entity': consent.name, ...values },
                },
              };
            }),
          ],
        }),
      );
      return 'recorded' as const;
    } catch (err) {
      if (failedCondition(err, 0)) return 'replayed' as const;
      throw err;
    }
  }

  spend(userId: string, kind: NoticeKind, at: string): Promise<boolean> {
    return this.update(
      userId,
      kind,
      at,
      '#r = #r - :one, #a = if_not_exists(#a, :off)',
      { ':one': 1, ':zero': 0, ':off': false },
      'attribute_exists(#r) AND #r > :zero',
    );
  }

  async refund(userId: string, kind: NoticeKind, at: string): Promise<void> {
    await this.update(userId, kind, at, '#r = if_not_exists(#r, :zero) + :one, #a = if_not_exists(#a, :off)', {
      ':zero': 0,
      ':one': 1,
      ':off': false,
    });
  }

  async isActive(userId: string, kind: NoticeKind): Promise<boolean> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: consent.key({ userId, kind }), ConsistentRead: true }));
    return res.Item?.active === true;
  }

  async clear(userId: string, kind: NoticeKind, at: string): Promise<void> {
    await this.update(userId, kind, at, '#r = :zero, #a = :off', { ':zero': 0, ':off': false });
  }
}
