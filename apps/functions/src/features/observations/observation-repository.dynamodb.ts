import { type DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Item } from '../../platform/dynamodb/entity';
import { expectVersion } from '../../platform/dynamodb/optimistic';
import { queryAll, queryGsi1 } from '../../platform/dynamodb/query-all';
import { cancellationReasons, isConditionalCheckFailed, isTransactionConflict } from '../../platform/dynamodb/transaction-errors';
import { conflict, DomainError, notFound } from '../../platform/kernel/domain-error';
import { NO_NOTICES, type NoticeWrites } from '../../platform/notify/notices';
import type { StoredObservation, StoredScore } from './observation';
import type { ObservationRepository } from './observation-repository';
import { observationsEntities as e, observationResultItem } from './observations.entities';

const MAX_ATTEMPTS = 4;
const backoff = (attempt: number) => new Promise((r) => setTimeout(r, 15 * attempt + Math.random() * 25));

/** The observation is still open: a score lands, or it closes, only then. */
const STILL_OPEN = {
  ConditionExpression: '#status = :open',
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: { ':open': 'open' },
};

export class DynamoObservationRepository implements ObservationRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async create(obs: StoredObservation, notices: NoticeWrites = NO_NOTICES) {
    const put = { TableName: this.table, Item: e.observation.item({ id: obs.id }, obs), ...expectVersion(0) };
    if (!notices.writes.length) await this.doc.send(new PutCommand(put));
    else await this.doc.send(new TransactWriteCommand({ TransactItems: [{ Put: put }, ...notices.writes] }));
  }

  async get(id: string) {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: e.observation.key({ id }), ConsistentRead: true }));
    return res.Item ? e.observation.parse(res.Item) : undefined;
  }

  async listForMonth(districtId: string, month: string) {
    const items = await queryGsi1<Item>(this.doc, this.table, e.month(districtId, month));
    return items.map(e.observation.parse).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async scores(id: string) {
    const { pk, from, to } = e.sheets(id);
    const items = await queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to },
      ConsistentRead: true,
    });
    const rev = items.find(e.isRevision);
    return {
      scores: items.filter(e.isScore).map(e.score.parse),
      revision: Number(rev?.rev ?? 0),
    };
  }

  async putScore(score: StoredScore) {
    const { observationId, branchId, observerId } = score;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { ConditionCheck: { TableName: this.table, Key: e.observation.key({ id: observationId }), ...STILL_OPEN } },
              { Put: { TableName: this.table, Item: e.score.item({ observationId, branchId, observerId }, score) } },
              {
                Update: {
                  TableName: this.table,
                  Key: e.scoresRevision.key({ observationId }),
                  UpdateExpression: 'ADD rev :one',
                  ExpressionAttributeValues: { ':one': 1 },
                },
              },
            ],
          }),
        );
        return;
      } catch (err) {
        if (isTransactionConflict(err) && attempt < MAX_ATTEMPTS) {
          await backoff(attempt);
          continue;
        }
        if (cancellationReasons(err)?.[0] === 'ConditionalCheckFailed') {
          if (!(await this.get(observationId))) throw notFound('观摩');
          throw new DomainError('ILLEGAL_TRANSITION', '观摩已锁定，不能再评分');
        }
        throw err;
      }
    }
  }

  async close(closed: StoredObservation, expectedVersion: number, scoresRevision: number) {
    const results = closed.results ?? [];
    const lock = expectVersion(expectedVersion, { also: STILL_OPEN });
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: e.observation.key({ id: closed.id }),
                UpdateExpression: 'SET #status = :closed, closedAt = :at, closedBy = :by, results = :results, version = :next',
                ConditionExpression: lock.ConditionExpression,
                ExpressionAttributeNames: { ...lock.ExpressionAttributeNames, '#status': 'status' },
                ExpressionAttributeValues: {
                  ...lock.ExpressionAttributeValues,
                  ':closed': 'closed',
                  ':at': closed.closedAt,
                  ':by': closed.closedBy,
                  ':results': results,
                  ':next': closed.version,
                },
              },
            },
            // The results were computed from the sheets at this revision (0: no sheet yet).
            {
              ConditionCheck: {
                TableName: this.table,
                Key: e.scoresRevision.key({ observationId: closed.id }),
                ...expectVersion(scoresRevision, { attribute: 'rev' }),
              },
            },
            ...results.map((r) => ({ Put: { TableName: this.table, Item: observationResultItem(r), ...expectVersion(0) } })),
          ],
        }),
      );
    } catch (err) {
      const reasons = cancellationReasons(err);
      if (reasons?.[0] === 'ConditionalCheckFailed' || isConditionalCheckFailed(err)) {
        const current = await this.get(closed.id);
        if (current?.status === 'closed') throw new DomainError('ILLEGAL_TRANSITION', '观摩已锁定');
        throw conflict('观摩已被他人修改，请刷新后重试');
      }
      if (reasons?.[1] === 'ConditionalCheckFailed' || isTransactionConflict(err))
        throw conflict('刚有新的评分，请刷新后重试', 'scoresRevision');
      throw err;
    }
  }

  async listResultsForTownshipQuarter(townshipId: string, quarter: string) {
    const items = await queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': e.results(townshipId, quarter) },
    });
    return items.map(e.result.parse);
  }

  async listResultsForBranchQuarter(townshipId: string, branchId: string, quarter: string) {
    const items = await queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :b)',
      ExpressionAttributeValues: { ':pk': e.results(townshipId, quarter), ':b': e.branchResults(branchId) },
    });
    return items.map(e.result.parse).sort((a, b) => b.month.localeCompare(a.month) || b.closedAt.localeCompare(a.closedAt));
  }
}
