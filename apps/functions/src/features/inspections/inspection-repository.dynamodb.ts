import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { queryAll, queryGsi1 } from '../../platform/dynamodb/query-all';
import { cancellationReasons, failedCondition, isConditionalCheckFailed } from '../../platform/dynamodb/transaction-errors';
import { conflict, notFound } from '../../platform/kernel/domain-error';
import type { StoredFinding, StoredFindingEvent, StoredInspection, StoredInspectionDraft } from './inspection';
import type { FindingFact, InspectionRepository, RecordedSummary } from './inspection-repository';

/**
 * 四不两直 keys (see table-definition.ts):
 * INSPECTOR#{author} / DRAFT#{id} | REC#{recordedAt}#{id};  INSP#{id} / INSP;
 * FINDING#{id} / FINDING | EV#{at}#{version};  gsi1 TWN#{t}#FINDINGS / {branchId}#{findingId}.
 * A draft carries no gsi1 key and sits under its author: no branch-facing query can return it.
 */
export const inspectionKeys = {
  draft: (authorId: string, id: string) => ({ pk: `INSPECTOR#${authorId}`, sk: `DRAFT#${id}` }),
  recorded: (authorId: string, recordedAt: string, id: string) => ({ pk: `INSPECTOR#${authorId}`, sk: `REC#${recordedAt}#${id}` }),
  inspection: (id: string) => ({ pk: `INSP#${id}`, sk: 'INSP' }),
  finding: (id: string) => ({ pk: `FINDING#${id}`, sk: 'FINDING' }),
  event: (id: string, at: string, version: number) => ({ pk: `FINDING#${id}`, sk: `EV#${at}#${String(version).padStart(4, '0')}` }),
  township: (townshipId: string) => `TWN#${townshipId}#FINDINGS`,
};

const DRAFT_FIELDS = ['id', 'authorId', 'content', 'branchName', 'townshipId', 'version', 'createdAt', 'updatedAt'] as const;
const INSPECTION_FIELDS = [
  'id',
  'districtId',
  'townshipId',
  'branchId',
  'branchName',
  'visitedAt',
  'location',
  'photos',
  'summary',
  'inspectorId',
  'inspectorName',
  'recordedAt',
  'findingIds',
] as const;
const FINDING_FIELDS = [
  'id',
  'inspectionId',
  'inspectorId',
  'districtId',
  'townshipId',
  'branchId',
  'branchName',
  'star',
  'description',
  'owner',
  'deadline',
  'vetoItemId',
  'vetoText',
  'status',
  'version',
  'createdAt',
  'updatedAt',
  'closedAt',
  'fix',
] as const;
const EVENT_FIELDS = ['at', 'version', 'kind', 'actorId', 'actorName', 'text', 'photos'] as const;
const SUMMARY_FIELDS = ['id', 'branchId', 'branchName', 'visitedAt', 'findings', 'recordedAt'] as const;

const pick = <T>(i: Record<string, unknown>, fields: readonly string[]) =>
  Object.fromEntries(fields.filter((f) => i[f] !== undefined).map((f) => [f, i[f]])) as T;
const findingItem = (f: StoredFinding) => ({
  ...inspectionKeys.finding(f.id),
  entity: 'finding',
  gsi1pk: inspectionKeys.township(f.townshipId),
  gsi1sk: `${f.branchId}#${f.id}`,
  ...f,
});

export class DynamoInspectionRepository implements InspectionRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private put(item: Record<string, unknown>) {
    return { Put: { TableName: this.table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } };
  }

  async createDraft(d: StoredInspectionDraft) {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...inspectionKeys.draft(d.authorId, d.id), entity: 'inspection-draft', ...d },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async getDraft(authorId: string, draftId: string) {
    const res = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: inspectionKeys.draft(authorId, draftId), ConsistentRead: true }),
    );
    return res.Item ? pick<StoredInspectionDraft>(res.Item, DRAFT_FIELDS) : undefined;
  }

  async saveDraft(d: StoredInspectionDraft, expectedVersion: number) {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...inspectionKeys.draft(d.authorId, d.id), entity: 'inspection-draft', ...d },
          ConditionExpression: 'attribute_exists(pk) AND version = :v',
          ExpressionAttributeValues: { ':v': expectedVersion },
        }),
      );
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
      if (!(await this.getDraft(d.authorId, d.id))) throw notFound('草稿');
      throw conflict('草稿已在别处修改，请刷新后重试');
    }
  }

  async deleteDraft(authorId: string, draftId: string) {
    try {
      await this.doc.send(
        new DeleteCommand({
          TableName: this.table,
          Key: inspectionKeys.draft(authorId, draftId),
          ConditionExpression: 'attribute_exists(pk)',
        }),
      );
    } catch (err) {
      if (isConditionalCheckFailed(err)) throw notFound('草稿');
      throw err;
    }
  }

  async listDrafts(authorId: string) {
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': `INSPECTOR#${authorId}`, ':p': 'DRAFT#' },
      ConsistentRead: true,
    });
    return items.map((i) => pick<StoredInspectionDraft>(i, DRAFT_FIELDS)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** The latest 200, newest first: one page. */
  async listRecorded(authorId: string) {
    const res = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': `INSPECTOR#${authorId}`, ':p': 'REC#' },
        ScanIndexForward: false,
        Limit: 200,
      }),
    );
    return (res.Items ?? []).map((i) => pick<RecordedSummary>(i, SUMMARY_FIELDS));
  }

  async record(
    draft: { authorId: string; id: string; expectedVersion: number },
    inspection: StoredInspection,
    findings: StoredFinding[],
    events: StoredFindingEvent[],
  ) {
    const summary: RecordedSummary = {
      id: inspection.id,
      branchId: inspection.branchId,
      branchName: inspection.branchName,
      visitedAt: inspection.visitedAt,
      findings: findings.length,
      recordedAt: inspection.recordedAt,
    };
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: this.table,
                Key: inspectionKeys.draft(draft.authorId, draft.id),
                ConditionExpression: 'version = :v',
                ExpressionAttributeValues: { ':v': draft.expectedVersion },
              },
            },
            this.put({ ...inspectionKeys.inspection(inspection.id), entity: 'inspection', ...inspection }),
            this.put({
              ...inspectionKeys.recorded(draft.authorId, inspection.recordedAt, inspection.id),
              entity: 'inspection-recorded',
              ...summary,
            }),
            ...findings.map((f) => this.put(findingItem(f))),
            ...events.map((e, n) => this.put({ ...inspectionKeys.event(findings[n].id, e.at, e.version), entity: 'finding-event', ...e })),
          ],
        }),
      );
      return { kind: 'recorded' as const, inspection };
    } catch (err) {
      if (!cancellationReasons(err)) throw err;
      // A retry (or a second tap racing the first): the visit this draft became is the answer.
      const prior = await this.getInspection(inspection.id);
      if (prior && prior.inspectorId === draft.authorId) return { kind: 'replayed' as const, inspection: prior };
      if (failedCondition(err, 0)) {
        if (!(await this.getDraft(draft.authorId, draft.id))) throw notFound('草稿');
        throw conflict('草稿已在别处修改，请刷新后重试');
      }
      throw conflict('记录未能保存，请重试');
    }
  }

  async getInspection(id: string) {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: inspectionKeys.inspection(id), ConsistentRead: true }));
    return res.Item ? pick<StoredInspection>(res.Item, INSPECTION_FIELDS) : undefined;
  }

  async getFinding(id: string) {
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': inspectionKeys.finding(id).pk },
      ConsistentRead: true,
    });
    const finding = items.find((i) => i.entity === 'finding');
    if (!finding) return undefined;
    return {
      finding: pick<StoredFinding>(finding, FINDING_FIELDS),
      history: items.filter((i) => i.entity === 'finding-event').map((i) => pick<StoredFindingEvent>(i, EVENT_FIELDS)),
    };
  }

  async transitionFinding(next: StoredFinding, expectedVersion: number, event: StoredFindingEvent) {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: findingItem(next),
                ConditionExpression: 'version = :v',
                ExpressionAttributeValues: { ':v': expectedVersion },
              },
            },
            this.put({ ...inspectionKeys.event(next.id, event.at, event.version), entity: 'finding-event', ...event }),
          ],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)) throw conflict('这个问题刚被他人处理过，请刷新后重试');
      throw err;
    }
  }

  async listTownshipFindings(townshipId: string) {
    const items = await queryGsi1<Record<string, unknown>>(this.doc, this.table, inspectionKeys.township(townshipId));
    return items.map((i) => pick<StoredFinding>(i, FINDING_FIELDS));
  }

  async listBranchFindings(townshipId: string, branchId: string) {
    const items = await queryGsi1<Record<string, unknown>>(this.doc, this.table, inspectionKeys.township(townshipId), branchId);
    return items.map((i) => pick<StoredFinding>(i, FINDING_FIELDS));
  }

  async listFindingsForTownship(townshipId: string): Promise<FindingFact[]> {
    return (await this.listTownshipFindings(townshipId)).map((f) => ({
      branchId: f.branchId,
      star: f.star,
      status: f.status,
      deadline: f.deadline,
      createdAt: f.createdAt,
      ...(f.closedAt ? { closedAt: f.closedAt } : {}),
      ...(f.vetoItemId ? { vetoItemId: f.vetoItemId } : {}),
    }));
  }
}
