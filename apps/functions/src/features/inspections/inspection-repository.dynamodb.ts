import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Item } from '../../platform/dynamodb/entity';
import { expectExistingVersion, expectVersion } from '../../platform/dynamodb/optimistic';
import { queryAll, queryGsi1 } from '../../platform/dynamodb/query-all';
import { cancellationReasons, failedCondition, isConditionalCheckFailed } from '../../platform/dynamodb/transaction-errors';
import { conflict, notFound } from '../../platform/kernel/domain-error';
import { NO_NOTICES, type NoticeWrites } from '../../platform/notify/notices';
import type { StoredFinding, StoredFindingEvent, StoredInspection, StoredInspectionDraft } from './inspection';
import type { FindingFact, InspectionRepository, RecordedSummary } from './inspection-repository';
import { inspectionEntities as E } from './inspections.entities';

const DRAFT_CONFLICT = '草稿已在别处修改，请刷新后重试';

export class DynamoInspectionRepository implements InspectionRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** A transaction's insert: the key must be free. */
  private insert(item: Item) {
    return { Put: { TableName: this.table, Item: item, ...expectVersion(0) } };
  }

  async createDraft(d: StoredInspectionDraft) {
    await this.doc.send(
      new PutCommand({ TableName: this.table, Item: E.draft.item({ authorId: d.authorId, id: d.id }, d), ...expectVersion(0) }),
    );
  }

  async getDraft(authorId: string, draftId: string) {
    const res = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: E.draft.key({ authorId, id: draftId }), ConsistentRead: true }),
    );
    return res.Item ? E.draft.parse(res.Item) : undefined;
  }

  async saveDraft(d: StoredInspectionDraft, expectedVersion: number) {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: E.draft.item({ authorId: d.authorId, id: d.id }, d),
          ...expectExistingVersion(expectedVersion),
        }),
      );
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
      if (!(await this.getDraft(d.authorId, d.id))) throw notFound('草稿');
      throw conflict(DRAFT_CONFLICT);
    }
  }

  async deleteDraft(authorId: string, draftId: string) {
    try {
      await this.doc.send(
        new DeleteCommand({
          TableName: this.table,
          Key: E.draft.key({ authorId, id: draftId }),
          ConditionExpression: 'attribute_exists(pk)',
        }),
      );
    } catch (err) {
      if (isConditionalCheckFailed(err)) throw notFound('草稿');
      throw err;
    }
  }

  async listDrafts(authorId: string) {
    const items = await queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': E.inspector.pk(authorId), ':p': E.inspector.drafts },
      ConsistentRead: true,
    });
    return items.map((i) => E.draft.parse(i)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** The latest 200, newest first: one page. */
  async listRecorded(authorId: string) {
    const res = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': E.inspector.pk(authorId), ':p': E.inspector.recorded },
        ScanIndexForward: false,
        Limit: 200,
      }),
    );
    return (res.Items ?? []).map((i) => E.recorded.parse(i));
  }

  async record(
    draft: { authorId: string; id: string; expectedVersion: number },
    inspection: StoredInspection,
    findings: StoredFinding[],
    events: StoredFindingEvent[],
    notices: NoticeWrites = NO_NOTICES,
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
                Key: E.draft.key({ authorId: draft.authorId, id: draft.id }),
                ...expectExistingVersion(draft.expectedVersion),
              },
            },
            this.insert(E.inspection.item({ id: inspection.id }, inspection)),
            this.insert(E.recorded.item({ authorId: draft.authorId, recordedAt: inspection.recordedAt, id: inspection.id }, summary)),
            ...findings.map((f) => this.insert(E.finding.item({ id: f.id }, f))),
            ...events.map((e, n) => this.insert(E.event.item({ findingId: findings[n].id, at: e.at, version: e.version }, e))),
            ...notices.writes,
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
        throw conflict(DRAFT_CONFLICT);
      }
      throw conflict('记录未能保存，请重试');
    }
  }

  async getInspection(id: string) {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: E.inspection.key({ id }), ConsistentRead: true }));
    return res.Item ? E.inspection.parse(res.Item) : undefined;
  }

  async getFinding(id: string) {
    const items = await queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': E.finding.key({ id }).pk },
      ConsistentRead: true,
    });
    const finding = items.find((i) => i.entity === E.finding.name);
    if (!finding) return undefined;
    return {
      finding: E.finding.parse(finding),
      history: items.filter((i) => i.entity === E.event.name).map((i) => E.event.parse(i)),
    };
  }

  async transitionFinding(next: StoredFinding, expectedVersion: number, event: StoredFindingEvent, notices: NoticeWrites = NO_NOTICES) {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.table, Item: E.finding.item({ id: next.id }, next), ...expectExistingVersion(expectedVersion) } },
            this.insert(E.event.item({ findingId: next.id, at: event.at, version: event.version }, event)),
            ...notices.writes,
          ],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)) throw conflict('这个问题刚被他人处理过，请刷新后重试');
      throw err;
    }
  }

  async listTownshipFindings(townshipId: string) {
    const items = await queryGsi1<Item>(this.doc, this.table, E.townshipFindings(townshipId));
    return items.map((i) => E.finding.parse(i));
  }

  async listBranchFindings(townshipId: string, branchId: string) {
    const items = await queryGsi1<Item>(this.doc, this.table, E.townshipFindings(townshipId), branchId);
    return items.map((i) => E.finding.parse(i));
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
