import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Item } from '../../platform/dynamodb/entity';
import { expectVersion, orConflict } from '../../platform/dynamodb/optimistic';
import { queryAll, queryGsi1 } from '../../platform/dynamodb/query-all';
import { failedCondition, isConditionalCheckFailed } from '../../platform/dynamodb/transaction-errors';
import { conflict } from '../../platform/kernel/domain-error';
import type { StoredAssignment, StoredAssignmentEvent, StoredCandidate, StoredVisit } from './liaison';
import { liaisonEntities as E } from './liaison.entities';
import type { LiaisonRepository } from './liaison-repository';

export class DynamoLiaisonRepository implements LiaisonRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async getAssignment(districtId: string, leaderId: string) {
    const res = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: E.assignment.key({ districtId, leaderId }), ConsistentRead: true }),
    );
    return res.Item ? E.assignment.parse(res.Item) : undefined;
  }

  async listAssignments(districtId: string) {
    const items = await queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':pk': E.districtPk(districtId), ':s': E.assignmentPrefix },
      ConsistentRead: true,
    });
    return items.map((i) => E.assignment.parse(i));
  }

  async putAssignment(a: StoredAssignment, expectedVersion: number, event: StoredAssignmentEvent) {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: E.assignment.item({ districtId: a.districtId, leaderId: a.leaderId }, a),
                ...expectVersion(expectedVersion),
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: E.assignmentEvent.item({ districtId: a.districtId, leaderId: a.leaderId, version: event.version }, event),
                ...expectVersion(0),
              },
            },
          ],
        }),
      );
    } catch (err) {
      if (failedCondition(err, 0) || failedCondition(err, 1)) throw conflict('包联安排已被他人修改，请刷新后再改', 'body.version');
      throw err;
    }
  }

  async createVisit(v: StoredVisit) {
    const key = E.visit.key({ leaderId: v.leaderId, clientId: v.clientId });
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: E.visit.item({ leaderId: v.leaderId, clientId: v.clientId }, v),
          ...expectVersion(0),
        }),
      );
      return { kind: 'created' as const, visit: v };
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
      const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true }));
      if (!res.Item) throw err;
      return { kind: 'exists' as const, visit: E.visit.parse(res.Item) };
    }
  }

  async townshipVisits(townshipId: string, limit: number) {
    const res = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': E.townshipVisitsPk(townshipId) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (res.Items ?? []).map((i) => E.visit.parse(i));
  }

  async getCandidate(branchId: string) {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: E.candidate.key({ branchId }), ConsistentRead: true }));
    return res.Item ? E.candidate.parse(res.Item) : undefined;
  }

  async putCandidate(c: StoredCandidate, expectedVersion: number) {
    await orConflict(
      () =>
        this.doc.send(
          new PutCommand({ TableName: this.table, Item: E.candidate.item({ branchId: c.branchId }, c), ...expectVersion(expectedVersion) }),
        ),
      '候选评估已被他人修改，请刷新后再改',
      'body.version',
    );
  }

  async townshipCandidates(townshipId: string) {
    const items = await queryGsi1<Item>(this.doc, this.table, E.townshipCandidatesPk(townshipId));
    return items.map((i) => E.candidate.parse(i));
  }
}
