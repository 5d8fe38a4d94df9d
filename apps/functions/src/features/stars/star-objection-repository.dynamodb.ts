import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Item } from '../../platform/dynamodb/entity';
import { expectVersion } from '../../platform/dynamodb/optimistic';
import { queryAll } from '../../platform/dynamodb/query-all';
import { cancellationReasons, failedCondition } from '../../platform/dynamodb/transaction-errors';
import { conflict, DomainError } from '../../platform/kernel/domain-error';
import { objectionsStill } from './star-application-repository.dynamodb';
import type { StoredStarObjection } from './star-objection';
import type { StarObjectionRepository } from './star-objection-repository';
import { starEntities as E } from './stars.entities';

const RESOLVED = '这条异议或申报刚被他人处理过，请刷新后重试';

export class DynamoStarObjectionRepository implements StarObjectionRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async file(o: StoredStarObjection, today: string) {
    const marker = { objectorKey: o.objectorKey, clientKey: o.clientKey, applicationId: o.applicationId, objectionId: o.id };
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: { TableName: this.table, Item: E.objection.item({ applicationId: o.applicationId, id: o.id }, o), ...expectVersion(0) },
            },
            { Put: { TableName: this.table, Item: E.objectorMarker.item(marker, marker), ...expectVersion(0) } },
            {
              Update: {
                TableName: this.table,
                Key: E.application.key({ id: o.applicationId }),
                UpdateExpression: 'ADD openObjections :one',
                ConditionExpression: '#status = :publicity AND publicityUntil >= :today',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':one': 1, ':publicity': 'publicity', ':today': today },
              },
            },
          ],
        }),
      );
      return { kind: 'created' as const, objection: o };
    } catch (err) {
      if (failedCondition(err, 1)) {
        const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: E.objectorMarker.key(marker), ConsistentRead: true }));
        const held = res.Item ? E.objectorMarker.parse(res.Item) : undefined;
        const first = held ? await this.get(held.applicationId, held.objectionId) : undefined;
        if (first?.applicationId === o.applicationId) return { kind: 'replayed' as const, objection: first };
        // The same key already filed an objection to another award: a client bug, not a retry.
        if (first) throw conflict('请求编号已用于另一条异议，请重新提交', 'body.clientKey');
      }
      if (failedCondition(err, 2)) throw new DomainError('ILLEGAL_TRANSITION', '该申报已不在公示期，不能提出异议');
      if (cancellationReasons(err)) throw conflict('提交冲突，请重试');
      throw err;
    }
  }

  async get(applicationId: string, objectionId: string) {
    const res = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: E.objection.key({ applicationId, id: objectionId }), ConsistentRead: true }),
    );
    return res.Item ? E.objection.parse(res.Item) : undefined;
  }

  async listForApplication(applicationId: string) {
    const items = await queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': E.application.key({ id: applicationId }).pk, ':p': E.objectionPrefix },
      ConsistentRead: true,
    });
    return items.map((i) => E.objection.parse(i)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async listByObjector(objectorKey: string) {
    const markers = await queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': E.objectorPk(objectorKey) },
    });
    const found: StoredStarObjection[] = [];
    // A person's objections are few; BatchGet takes 100 keys at a time.
    for (let i = 0; i < markers.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = markers.slice(i, i + 100).map((m) => {
        const { applicationId, objectionId } = E.objectorMarker.parse(m);
        return { ...E.objection.key({ applicationId, id: objectionId }) };
      });
      while (keys?.length) {
        const res: BatchGetCommandOutput = await this.doc.send(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: keys } } }));
        found.push(...(res.Responses?.[this.table] ?? []).map((it: Item) => E.objection.parse(it)));
        keys = res.UnprocessedKeys?.[this.table]?.Keys;
      }
    }
    return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async resolve(next: StoredStarObjection, expectedVersion: number, app: Parameters<StarObjectionRepository['resolve']>[2]) {
    const { before, after, event } = app;
    const objection = {
      Put: {
        TableName: this.table,
        Item: E.objection.item({ applicationId: next.applicationId, id: next.id }, next),
        ...expectVersion(expectedVersion, {
          also: {
            ConditionExpression: '#status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':open': 'open' },
          },
        }),
      },
    };
    const application = {
      Put: {
        TableName: this.table,
        Item: E.application.item({ id: after.id }, after),
        ...expectVersion(before.version, { also: objectionsStill(before.openObjections ?? 0) }),
      },
    };
    const events = event
      ? [
          {
            Put: {
              TableName: this.table,
              Item: E.event.item({ applicationId: after.id, version: event.version }, event),
              ...expectVersion(0),
            },
          },
        ]
      : [];
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: [objection, application, ...events] }));
    } catch (err) {
      // Two reviewers resolving at once, or an objection filed meanwhile: the first wins, the other re-reads.
      if (cancellationReasons(err)) throw conflict(RESOLVED);
      throw err;
    }
  }
}
