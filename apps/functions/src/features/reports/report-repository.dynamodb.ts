import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { TableKey } from '../../platform/dynamodb/entity';
import { expectExistingVersion, expectVersion } from '../../platform/dynamodb/optimistic';
import { queryAll } from '../../platform/dynamodb/query-all';
import { cancellationReasons, failedCondition } from '../../platform/dynamodb/transaction-errors';
import { conflict } from '../../platform/kernel/domain-error';
import { monthOf, quarterOf } from '../../platform/kernel/shanghai-time';
import type { Comment, DailyReport, ReportCounters, Revision, Submission } from './daily-report';
import type { ReportRepository, SubmitOutcome } from './report-repository';
import { reportsEntities, reportsPartitions } from './reports.entities';

const { report: reportEntity, revision: revisionEntity, comment: commentEntity } = reportsEntities;

const MAX_ATTEMPTS = 5;
const BATCH_GET = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class DynamoReportRepository implements ReportRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private revisionPut(r: DailyReport, rev: Revision) {
    return {
      Put: {
        TableName: this.table,
        Item: revisionEntity.item({ branchId: r.branchId, day: r.day, version: rev.version }, rev),
        ...expectVersion(0),
      },
    };
  }

  async create(report: DailyReport, revision: Revision): Promise<SubmitOutcome> {
    const late = report.status === 'late' ? 1 : 0;
    const counters = { ':one': 1, ':late': late, ':onTime': 1 - late };
    const counterUpdate = (key: TableKey) => ({
      Update: {
        TableName: this.table,
        Key: key,
        UpdateExpression: 'ADD submitted :one, late :late, onTime :onTime',
        ExpressionAttributeValues: counters,
      },
    });
    const { branchId, townshipId, districtId, day } = report;
    const items = [
      { Put: { TableName: this.table, Item: reportEntity.item({ branchId, day }, report), ...expectVersion(0) } },
      counterUpdate(reportsEntities.monthStats.key({ branchId, month: monthOf(day) })),
      counterUpdate(reportsEntities.quarterStats.key({ branchId, quarter: quarterOf(day) })),
      {
        Update: {
          TableName: this.table,
          Key: reportsEntities.townshipDayRollup.key({ districtId, day, townshipId }),
          UpdateExpression: 'ADD submitted :one, late :late, onTime :onTime SET townshipId = :t',
          ExpressionAttributeValues: { ...counters, ':t': townshipId },
        },
      },
      {
        Put: {
          TableName: this.table,
          Item: reportsEntities.townshipDayMarker.item({ townshipId, day, branchId }, report),
          ...expectVersion(0),
        },
      },
      this.revisionPut(report, revision),
    ];
    return this.write(items, report, 'created');
  }

  async update(report: DailyReport, expectedVersion: number, revision: Revision): Promise<SubmitOutcome> {
    const lock = expectExistingVersion(expectedVersion);
    const items = [
      {
        Update: {
          TableName: this.table,
          Key: reportEntity.key(report),
          UpdateExpression: 'SET content = :content, version = :next, updatedAt = :at, updatedBy = :by, lastIdempotencyKey = :key',
          ConditionExpression: lock.ConditionExpression,
          ExpressionAttributeNames: lock.ExpressionAttributeNames,
          ExpressionAttributeValues: {
            ':content': report.content,
            ':next': expectedVersion + 1,
            ':at': report.updatedAt,
            ':by': report.updatedBy,
            ':key': report.lastIdempotencyKey,
            ...lock.ExpressionAttributeValues,
          },
        },
      },
      this.revisionPut(report, revision),
    ];
    return this.write(items, report, 'updated');
  }

  /**
   * Runs the transaction. When it is cancelled, the stored report decides: the same idempotency key means
   * this exact submission already landed (a retry or a concurrent twin), so it replays; otherwise CONFLICT.
   */
  private async write(items: object[], report: DailyReport, kind: 'created' | 'updated'): Promise<SubmitOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.doc.send(new TransactWriteCommand({ TransactItems: items as never }));
        return { kind, report };
      } catch (err) {
        const reasons = cancellationReasons(err);
        if (!reasons) throw err;
        const stored = await this.get(report.branchId, report.day);
        if (stored && stored.lastIdempotencyKey === report.lastIdempotencyKey) return { kind: 'replayed', report: stored };
        const conflicted = reasons.some((r) => r === 'TransactionConflict');
        if (conflicted && attempt < MAX_ATTEMPTS) {
          await sleep(15 * attempt + Math.random() * 25);
          continue;
        }
        if (failedCondition(err, 0)) {
          throw conflict(kind === 'created' ? '今天的日报已由他人提交，请刷新后在其基础上修改' : '日报已被他人修改，请刷新后重试');
        }
        throw err;
      }
    }
  }

  async get(branchId: string, day: string): Promise<DailyReport | undefined> {
    const res = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: reportEntity.key({ branchId, day }), ConsistentRead: true }),
    );
    return res.Item ? reportEntity.parse(res.Item) : undefined;
  }

  async getDetail(branchId: string, day: string) {
    const { pk, sk } = reportEntity.key({ branchId, day });
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': pk, ':sk': sk },
      ConsistentRead: true,
    });
    const report = items.find((i) => i.entity === reportEntity.name);
    if (!report) return undefined;
    return {
      report: reportEntity.parse(report),
      revisions: items.filter((i) => i.entity === revisionEntity.name).map(revisionEntity.parse),
      comments: items.filter((i) => i.entity === commentEntity.name).map(commentEntity.parse),
    };
  }

  async listRange(branchId: string, from: string, to: string): Promise<DailyReport[]> {
    const first = reportEntity.key({ branchId, day: from });
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      FilterExpression: 'entity = :report',
      ExpressionAttributeValues: {
        ':pk': first.pk,
        ':from': first.sk,
        ':to': `${reportEntity.key({ branchId, day: to }).sk}~`,
        ':report': reportEntity.name,
      },
    });
    return items.map(reportEntity.parse);
  }

  async addComment(branchId: string, day: string, comment: Comment): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: commentEntity.item({ branchId, day, id: comment.id }, comment),
        ...expectVersion(0),
      }),
    );
  }

  async submissionsOf(townshipId: string, day: string): Promise<Submission[]> {
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': reportsPartitions.townshipDay(townshipId, day) },
    });
    return items.map(reportsEntities.townshipDayMarker.parse);
  }

  async townshipRollups(districtId: string, day: string) {
    const res = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': reportsPartitions.districtDay(districtId, day) },
      }),
    );
    return (res.Items ?? []).map(reportsEntities.townshipDayRollup.parse).map((r) => ({
      townshipId: r.townshipId,
      onTime: r.onTime ?? 0,
      late: r.late ?? 0,
    }));
  }

  /** BatchGet, 100 keys a request, only the counters projected; unprocessed keys are retried with backoff. */
  async quarterStatsOf(branchIds: string[], quarter: string): Promise<Record<string, ReportCounters>> {
    const out: Record<string, ReportCounters> = {};
    for (let k = 0; k < branchIds.length; k += BATCH_GET) {
      const keys = branchIds
        .slice(k, k + BATCH_GET)
        .map((branchId) => ({ branchId, key: reportsEntities.quarterStats.key({ branchId, quarter }) }));
      const branchOf = new Map(keys.map(({ branchId, key }) => [key.pk, branchId]));
      let request: Record<string, { Keys: TableKey[]; ProjectionExpression?: string }> | undefined = {
        [this.table]: { Keys: keys.map(({ key }) => key), ProjectionExpression: 'pk, submitted, onTime, late' },
      };
      for (let attempt = 0; request && Object.keys(request).length; attempt++) {
        const res = await this.doc.send(new BatchGetCommand({ RequestItems: request }));
        for (const i of res.Responses?.[this.table] ?? []) {
          const branchId = branchOf.get(i.pk as string);
          const c = reportsEntities.quarterStats.parse(i);
          if (branchId) out[branchId] = { submitted: Number(c.submitted ?? 0), onTime: Number(c.onTime ?? 0), late: Number(c.late ?? 0) };
        }
        request = res.UnprocessedKeys as typeof request;
        if (request && Object.keys(request).length) await sleep(Math.min(1000, 20 * 2 ** attempt));
      }
    }
    return out;
  }
}
