import { BatchWriteCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../kernel/clock';
import type { IdGenerator } from '../kernel/id-generator';
import { ulidIds } from '../kernel/ulid-id-generator';
import type { Notification, Notifier } from './notifier';
import { OUTBOX_TTL_SECONDS, outboxKeys, ttlAfter } from './outbox.entities';

export interface OutboxMessage {
  id: string;
  channel: 'outbox';
  recipientUserId: string;
  recipientName: string;
  title: string;
  body: string;
  page?: string;
  /** The notice kind and the template with its values, as WeChat would have received them. */
  kind?: string;
  templateId?: string;
  data?: Record<string, string>;
  createdAt: string;
}

/** A notifier whose messages can be read back (the local outbox). */
export interface OutboxReader {
  listRecent(limit?: number): Promise<OutboxMessage[]>;
}

export function isOutboxReader(n: Notifier): n is Notifier & OutboxReader {
  return typeof (n as Partial<OutboxReader>).listRecent === 'function';
}

const BATCH = 25;
const FIELDS = [
  'id',
  'channel',
  'recipientUserId',
  'recipientName',
  'title',
  'body',
  'page',
  'kind',
  'templateId',
  'data',
  'createdAt',
] as const;

/**
 * The local notifier: every message becomes an item in the single table (kept 30 days by TTL), and
 * `/v1/dev/outbox` lists them newest first. Nothing leaves the machine.
 */
export class OutboxNotifier implements Notifier, OutboxReader {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly clock: Clock,
    private readonly ids: IdGenerator = ulidIds,
  ) {}

  async send(messages: Notification[]): Promise<{ sent: number }> {
    const now = this.clock.now();
    const createdAt = now.toISOString();
    const ttl = ttlAfter(now, OUTBOX_TTL_SECONDS);
    const items = messages.map((m) => {
      const id = this.ids.next();
      const message: OutboxMessage = {
        id,
        channel: 'outbox',
        recipientUserId: m.recipientUserId,
        recipientName: m.recipientName,
        title: m.title,
        body: m.body,
        ...(m.page ? { page: m.page } : {}),
        ...(m.kind ? { kind: m.kind } : {}),
        ...(m.templateId ? { templateId: m.templateId } : {}),
        ...(m.data ? { data: m.data } : {}),
        createdAt,
      };
      return { ...outboxKeys.message(createdAt, id), entity: 'outbox', ttl, ...message };
    });
    for (let i = 0; i < items.length; i += BATCH) {
      let pending = items.slice(i, i + BATCH).map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending.length; attempt++) {
        if (attempt > 8) throw new Error('outbox: DynamoDB kept returning unprocessed items');
        const res = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.table]: pending } }));
        pending = (res.UnprocessedItems?.[this.table] ?? []) as typeof pending;
        if (pending.length) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      }
    }
    return { sent: messages.length };
  }

  /** Newest first; one query. Items past their TTL (DynamoDB deletes them lazily) are left out. */
  async listRecent(limit = 50): Promise<OutboxMessage[]> {
    const res = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': outboxKeys.outboxPk },
        ScanIndexForward: false,
        Limit: Math.max(1, Math.min(limit, 500)),
      }),
    );
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    return (res.Items ?? [])
      .filter((i) => typeof i.ttl !== 'number' || i.ttl > nowSeconds)
      .map((i) => {
        const out: Record<string, unknown> = {};
        for (const f of FIELDS) if (i[f] !== undefined) out[f] = i[f];
        return out as unknown as OutboxMessage;
      });
  }
}
