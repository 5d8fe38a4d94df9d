import { type DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { quarterOf } from '@chuangxing/shared';
import { queryAll, queryGsi1 } from '../../platform/dynamodb/query-all';
import { cancellationReasons, isConditionalCheckFailed, isTransactionConflict } from '../../platform/dynamodb/transaction-errors';
import { conflict, DomainError, notFound } from '../../platform/kernel/domain-error';
import type { StoredBranchResult, StoredObservation, StoredScore } from './observation';
import type { ObservationRepository } from './observation-repository';

/**
 * 每月一观摩 keys (listed in table-definition.ts):
 * - OBS#{id} / OBS                         the observation; gsi1 DIST#{d}#OBS#{yyyy-mm} / {createdAt}#{id}
 * - OBS#{id} / REV                         the scores' revision, bumped by every score write (close checks it)
 * - OBS#{id} / SCORE#{branchId}#{userId}   one observer's sheet for one branch (overwritten while open)
 * - TWN#{t}#OBSRES#{yyyy-Qn} / {branchId}#{observationId}   a frozen branch result, written once at close
 */
const obsKey = (id: string) => ({ pk: `OBS#${id}`, sk: 'OBS' });
const revKey = (id: string) => ({ pk: `OBS#${id}`, sk: 'REV' });
const scoreKey = (id: string, branchId: string, userId: string) => ({ pk: `OBS#${id}`, sk: `SCORE#${branchId}#${userId}` });
const monthPk = (d: string, month: string) => `DIST#${d}#OBS#${month}`;
const resultPk = (t: string, quarter: string) => `TWN#${t}#OBSRES#${quarter}`;

const OBS_FIELDS = [
  'id',
  'districtId',
  'month',
  'title',
  'townshipId',
  'organiserLabel',
  'branches',
  'observers',
  'status',
  'createdAt',
  'createdBy',
  'createdByName',
  'closedAt',
  'closedBy',
  'results',
  'version',
] as const;
const SCORE_FIELDS = ['observationId', 'branchId', 'observerId', 'observerName', 'scores', 'comment', 'updatedAt'] as const;
const RESULT_FIELDS = [
  'observationId',
  'title',
  'month',
  'branchId',
  'branchName',
  'townshipId',
  'perStar',
  'overall',
  'observerCount',
  'comments',
  'closedAt',
] as const;

/** A frozen branch result as stored at close (the quarterly ranking reads these by township and quarter). */
export function observationResultItem(r: StoredBranchResult) {
  return {
    pk: resultPk(r.townshipId, quarterOf(`${r.month}-01`)),
    sk: `${r.branchId}#${r.observationId}`,
    entity: 'observation-result',
    ...r,
  };
}

function pick<T>(item: Record<string, unknown>, fields: readonly string[]): T {
  return Object.fromEntries(fields.filter((f) => item[f] !== undefined).map((f) => [f, item[f]])) as T;
}

const MAX_ATTEMPTS = 4;
const backoff = (attempt: number) => new Promise((r) => setTimeout(r, 15 * attempt + Math.random() * 25));

export class DynamoObservationRepository implements ObservationRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async create(obs: StoredObservation) {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          ...obsKey(obs.id),
          entity: 'observation',
          gsi1pk: monthPk(obs.districtId, obs.month),
          gsi1sk: `${obs.createdAt}#${obs.id}`,
          ...obs,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async get(id: string) {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: obsKey(id), ConsistentRead: true }));
    return res.Item ? pick<StoredObservation>(res.Item, OBS_FIELDS) : undefined;
  }

  async listForMonth(districtId: string, month: string) {
    const items = await queryGsi1<Record<string, unknown>>(this.doc, this.table, monthPk(districtId, month));
    return items.map((i) => pick<StoredObservation>(i, OBS_FIELDS)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async scores(id: string) {
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': `OBS#${id}`, ':from': 'REV', ':to': 'SCORE#~' },
      ConsistentRead: true,
    });
    const rev = items.find((i) => i.sk === 'REV');
    return {
      scores: items.filter((i) => String(i.sk).startsWith('SCORE#')).map((i) => pick<StoredScore>(i, SCORE_FIELDS)),
      revision: Number(rev?.rev ?? 0),
    };
  }

  async putScore(score: StoredScore) {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                ConditionCheck: {
                  TableName: this.table,
                  Key: obsKey(score.observationId),
                  ConditionExpression: '#status = :open',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':open': 'open' },
                },
              },
              {
                Put: {
                  TableName: this.table,
                  Item: { ...scoreKey(score.observationId, score.branchId, score.observerId), entity: 'observation-score', ...score },
                },
              },
              {
                Update: {
                  TableName: this.table,
                  Key: revKey(score.observationId),
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
          if (!(await this.get(score.observationId))) throw notFound('观摩');
          throw new DomainError('ILLEGAL_TRANSITION', '观摩已锁定，不能再评分');
        }
        throw err;
      }
    }
  }

  async close(closed: StoredObservation, expectedVersion: number, scoresRevision: number) {
    const results = closed.results ?? [];
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: obsKey(closed.id),
                UpdateExpression: 'SET #status = :closed, closedAt = :at, closedBy = :by, results = :results, version = :next',
                ConditionExpression: '#status = :open AND version = :v',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: {
                  ':closed': 'closed',
                  ':open': 'open',
                  ':at': closed.closedAt,
                  ':by': closed.closedBy,
                  ':results': results,
                  ':next': closed.version,
                  ':v': expectedVersion,
                },
              },
            },
            {
              ConditionCheck: {
                TableName: this.table,
                Key: revKey(closed.id),
                ...(scoresRevision === 0
                  ? { ConditionExpression: 'attribute_not_exists(pk)' }
                  : { ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': scoresRevision } }),
              },
            },
            ...results.map((r) => ({
              Put: {
                TableName: this.table,
                Item: observationResultItem(r),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            })),
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
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': resultPk(townshipId, quarter) },
    });
    return items.map((i) => pick<StoredBranchResult>(i, RESULT_FIELDS));
  }

  async listResultsForBranchQuarter(townshipId: string, branchId: string, quarter: string) {
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :b)',
      ExpressionAttributeValues: { ':pk': resultPk(townshipId, quarter), ':b': `${branchId}#` },
    });
    return items
      .map((i) => pick<StoredBranchResult>(i, RESULT_FIELDS))
      .sort((a, b) => b.month.localeCompare(a.month) || b.closedAt.localeCompare(a.closedAt));
  }
}
