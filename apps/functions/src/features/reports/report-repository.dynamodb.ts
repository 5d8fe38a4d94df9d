import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../platform/dynamodb/legacy-keys';
import { queryAll } from '../../platform/dynamodb/query-all';
import { cancellationReasons, failedCondition } from '../../platform/dynamodb/transaction-errors';
import { conflict } from '../../platform/kernel/domain-error';
import { monthOf, quarterOf } from '../../platform/kernel/shanghai-time';
import type { Comment, DailyReport, Revision, Submission } from './daily-report';
import type { ReportRepository, SubmitOutcome } from './report-repository';

const REPORT_FIELDS = [
  'branchId',
  'townshipId',
  'districtId',
  'day',
  'status',
  'content',
  'version',
  'submittedAt',
  'submittedBy',
  'updatedAt',
  'updatedBy',
  'lastIdempotencyKey',
] as const;

function pick<T>(item: Record<string, unknown>, fields: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (item[f] !== undefined) out[f] = item[f];
  return out as T;
}
const toReport = (i: Record<string, unknown>) => pick<DailyReport>(i, REPORT_FIELDS);
const toRevision = (i: Record<string, unknown>) => pick<Revision>(i, ['version', 'editedBy', 'editedByName', 'editedAt']);
const toComment = (i: Record<string, unknown>) => pick<Comment>(i, ['id', 'authorId', 'authorName', 'authorRole', 'text', 'createdAt']);

const MAX_ATTEMPTS = 5;
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
        Item: { ...keys.reportRevision(r.branchId, r.day, rev.version), entity: 'report-revision', ...rev },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  async create(report: DailyReport, revision: Revision): Promise<SubmitOutcome> {
    const late = report.status === 'late' ? 1 : 0;
    const counters = { ':one': 1, ':late': late, ':onTime': 1 - late };
    const counterUpdate = (key: { pk: string; sk: string }) => ({
      Update: {
        TableName: this.table,
        Key: key,
        UpdateExpression: 'ADD submitted :one, late :late, onTime :onTime',
        ExpressionAttributeValues: counters,
      },
    });
    const items = [
      {
        Put: {
          TableName: this.table,
          Item: { ...keys.report(report.branchId, report.day), entity: 'report', ...report },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      counterUpdate(keys.branchMonthStats(report.branchId, monthOf(report.day))),
      counterUpdate(keys.branchQuarterStats(report.branchId, quarterOf(report.day))),
      {
        Update: {
          TableName: this.table,
          Key: keys.townshipDayRollup(report.districtId, report.day, report.townshipId),
          UpdateExpression: 'ADD submitted :one, late :late, onTime :onTime SET townshipId = :t',
          ExpressionAttributeValues: { ...counters, ':t': report.townshipId },
        },
      },
      {
        Put: {
          TableName: this.table,
          Item: {
            ...keys.townshipDayMarker(report.townshipId, report.day, report.branchId),
            branchId: report.branchId,
            status: report.status,
            submittedAt: report.submittedAt,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      this.revisionPut(report, revision),
    ];
    return this.write(items, report, 'created');
  }

  async update(report: DailyReport, expectedVersion: number, revision: Revision): Promise<SubmitOutcome> {
    const items = [
      {
        Update: {
          TableName: this.table,
          Key: keys.report(report.branchId, report.day),
          UpdateExpression: 'SET content = :content, version = :next, updatedAt = :at, updatedBy = :by, lastIdempotencyKey = :key',
          ConditionExpression: 'attribute_exists(pk) AND version = :expected',
          ExpressionAttributeValues: {
            ':content': report.content,
            ':next': expectedVersion + 1,
            ':expected': expectedVersion,
            ':at': report.updatedAt,
            ':by': report.updatedBy,
            ':key': report.lastIdempotencyKey,
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
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: keys.report(branchId, day), ConsistentRead: true }));
    return res.Item ? toReport(res.Item) : undefined;
  }

  async getDetail(branchId: string, day: string) {
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': keys.report(branchId, day).pk, ':sk': keys.report(branchId, day).sk },
      ConsistentRead: true,
    });
    const report = items.find((i) => i.entity === 'report');
    if (!report) return undefined;
    return {
      report: toReport(report),
      revisions: items.filter((i) => i.entity === 'report-revision').map(toRevision),
      comments: items.filter((i) => i.entity === 'report-comment').map(toComment),
    };
  }

  async listRange(branchId: string, from: string, to: string): Promise<DailyReport[]> {
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      FilterExpression: 'entity = :report',
      ExpressionAttributeValues: {
        ':pk': keys.report(branchId, from).pk,
        ':from': keys.report(branchId, from).sk,
        ':to': `${keys.report(branchId, to).sk}~`,
        ':report': 'report',
      },
    });
    return items.map(toReport);
  }

  async addComment(branchId: string, day: string, comment: Comment): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...keys.reportComment(branchId, day, comment.id), entity: 'report-comment', ...comment },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async submissionsOf(townshipId: string, day: string): Promise<Submission[]> {
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.townshipDayPk(townshipId, day) },
    });
    return items.map((i) => pick<Submission>(i, ['branchId', 'status', 'submittedAt']));
  }

  async townshipRollups(districtId: string, day: string) {
    const res = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.districtDayPk(districtId, day) },
      }),
    );
    return (res.Items ?? []).map((i) => ({
      townshipId: i.townshipId as string,
      onTime: (i.onTime as number) ?? 0,
      late: (i.late as number) ?? 0,
    }));
  }
}
