import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { cancellationReasons, isConditionalCheckFailed } from '../dynamodb/transaction-errors';
import type { Clock } from '../kernel/clock';
import { invalid } from '../kernel/domain-error';
import { inboxEntities, inboxPartitions } from './inbox.entities';
import type { InboxRepository, StagedWrite } from './inbox-repository';
import { NOTICE_TTL_SECONDS, type Notice, storedNotice } from './notice';
import { ttlAfter } from './outbox.entities';

const { notice: noticeEntity, fanout: fanoutEntity } = inboxEntities;
/** DynamoDB's limit of items in one transaction. */
const TRANSACTION_ITEMS = 100;
const MARK_CONCURRENCY = 8;
const NEW_ITEM = 'attribute_not_exists(pk)';

const encodeCursor = (sk: string) => Buffer.from(sk, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const sk = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^N#\d{13}-[A-Za-z0-9_-]{1,50}$/.test(sk)) throw invalid('query.cursor', '分页参数无效，请从头加载');
  return sk;
}

export class DynamoInboxRepository implements InboxRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly clock: Clock,
  ) {}

  private noticeItem(n: Notice) {
    return noticeEntity.item({ userId: n.recipientUserId, id: n.id }, storedNotice(n), {
      ttl: ttlAfter(new Date(n.createdAt), NOTICE_TTL_SECONDS),
    });
  }

  noticeWrites(notices: readonly Notice[]): StagedWrite[] {
    return notices.map((n) => ({ Put: { TableName: this.table, Item: this.noticeItem(n), ConditionExpression: NEW_ITEM } }));
  }

  fanoutWrite(fanoutId: string, createdAt: string, notices: readonly Notice[]): StagedWrite {
    const item = fanoutEntity.item({ id: fanoutId }, { id: fanoutId, createdAt, notices: [...notices] });
    return { Put: { TableName: this.table, Item: item, ConditionExpression: NEW_ITEM } };
  }

  async commit(writes: readonly StagedWrite[]): Promise<void> {
    for (let i = 0; i < writes.length; i += TRANSACTION_ITEMS)
      await this.doc.send(new TransactWriteCommand({ TransactItems: writes.slice(i, i + TRANSACTION_ITEMS) }));
  }

  async expandFanout(fanoutId: string, given?: readonly Notice[]): Promise<number> {
    const key = fanoutEntity.key({ id: fanoutId });
    let notices = given;
    if (!notices) {
      const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true }));
      if (!res.Item) return 0;
      notices = fanoutEntity.parse(res.Item).notices;
    }
    for (let i = 0; i < notices.length; i += TRANSACTION_ITEMS) {
      const chunk = this.noticeWrites(notices.slice(i, i + TRANSACTION_ITEMS));
      try {
        await this.doc.send(new TransactWriteCommand({ TransactItems: chunk }));
      } catch (err) {
        if (!cancellationReasons(err)) throw err;
        // Some were put by an earlier try: put the others one by one, leaving those (read or not) as they are.
        for (const w of chunk) {
          await this.doc.send(new PutCommand(w.Put)).catch((e: unknown) => {
            if (!isConditionalCheckFailed(e)) throw e;
          });
        }
      }
    }
    await this.doc.send(new DeleteCommand({ TableName: this.table, Key: key }));
    return notices.length;
  }

  async pendingFanouts(before: string): Promise<string[]> {
    const res = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
        ExpressionAttributeValues: { ':pk': inboxPartitions.fanouts, ':before': before },
        Limit: 50,
      }),
    );
    return (res.Items ?? []).map((i) => String(i.id));
  }

  /** Notices older than a year are past their TTL: DynamoDB deletes them lazily, so reads skip them by key. */
  private oldestKept(): string {
    return String(this.clock.now().getTime() - NOTICE_TTL_SECONDS * 1000).padStart(13, '0');
  }

  async page(userId: string, limit: number, cursor?: string) {
    const pk = inboxPartitions.inbox(userId);
    const res = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': pk,
          ':from': `${inboxPartitions.noticePrefix}${this.oldestKept()}`,
          ':to': `${inboxPartitions.noticePrefix}~`,
        },
        ScanIndexForward: false,
        // One more than asked: a next page is offered only when there is one.
        Limit: limit + 1,
        ...(cursor ? { ExclusiveStartKey: { pk, sk: decodeCursor(cursor) } } : {}),
      }),
    );
    const items = res.Items ?? [];
    const more = items.length > limit;
    const notices = items.slice(0, limit).map((i) => noticeEntity.parse(i));
    return { notices, ...(more ? { next: encodeCursor(`${inboxPartitions.noticePrefix}${notices[limit - 1].id}`) } : {}) };
  }

  /** The unread index of a user, every page: their keys only, or only their count. */
  private async unreadKeys(userId: string, countOnly: boolean) {
    const keys: { pk: string; sk: string }[] = [];
    let count = 0;
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const res = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :from',
          ExpressionAttributeValues: { ':pk': inboxPartitions.unread(userId), ':from': this.oldestKept() },
          ...(countOnly ? { Select: 'COUNT' as const } : { ProjectionExpression: 'pk, sk' }),
          ExclusiveStartKey,
        }),
      );
      count += res.Count ?? 0;
      for (const i of res.Items ?? []) keys.push({ pk: String(i.pk), sk: String(i.sk) });
      ExclusiveStartKey = res.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return { keys, count };
  }

  async unreadCount(userId: string): Promise<number> {
    return (await this.unreadKeys(userId, true)).count;
  }

  /** Read: `readAt` set and the unread index keys removed, only if it was unread. */
  private async markKey(key: { pk: string; sk: string }, at: string): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: key,
          UpdateExpression: 'SET readAt = :at REMOVE gsi1pk, gsi1sk',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(readAt)',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }

  async markRead(userId: string, noticeId: string, at: string) {
    const key = noticeEntity.key({ userId, id: noticeId });
    if (await this.markKey(key, at)) return 'marked' as const;
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true }));
    return res.Item ? ('already' as const) : ('missing' as const);
  }

  async markAllRead(userId: string, at: string): Promise<number> {
    const queue = [...(await this.unreadKeys(userId, false)).keys];
    let marked = 0;
    const worker = async () => {
      for (let k = queue.shift(); k; k = queue.shift()) if (await this.markKey(k, at)) marked++;
    };
    await Promise.all(Array.from({ length: Math.min(MARK_CONCURRENCY, queue.length) }, worker));
    return marked;
  }
}
