import { type DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Item } from '../../platform/dynamodb/entity';
import { expectVersion, orConflict } from '../../platform/dynamodb/optimistic';
import { queryAll, queryGsi1 } from '../../platform/dynamodb/query-all';
import { cancellationReasons } from '../../platform/dynamodb/transaction-errors';
import { conflict, DomainError } from '../../platform/kernel/domain-error';
import type { AppraisalRepository } from './appraisal-repository';
import type { StoredAppraisal, StoredAppraisalReport, StoredAppraisalSheet } from './appraisals';
import { appraisalEntities as E } from './appraisals.entities';

/** A failed transaction: the session's state moved on (a 409 naming the stage) or the item's version did. */
function transactionError(err: unknown, stateMessage: string, versionMessage: string): unknown {
  const reasons = cancellationReasons(err);
  if (!reasons) return err;
  if (reasons[0] === 'ConditionalCheckFailed') return new DomainError('ILLEGAL_TRANSITION', stateMessage);
  if (reasons[1] === 'ConditionalCheckFailed') return conflict(versionMessage, 'body.version');
  // TransactionConflict: another writer touched the session at the same moment; the client retries.
  return conflict('有人同时在提交，请重试', 'body.version');
}

export class DynamoAppraisalRepository implements AppraisalRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(townshipId: string, quarter: string) {
    const res = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: E.session.key({ townshipId, quarter }), ConsistentRead: true }),
    );
    return res.Item ? E.session.parse(res.Item) : undefined;
  }

  async listOfTownship(townshipId: string) {
    const items = await queryGsi1<Item>(this.doc, this.table, E.townshipPk(townshipId));
    return items.map((i) => E.session.parse(i));
  }

  async put(s: StoredAppraisal, expectedVersion: number) {
    // Sheets bump `sheetRev`, not the version: a write must not have missed one (a close must not miss a sheet).
    const also =
      expectedVersion > 0 ? { ConditionExpression: 'sheetRev = :rev', ExpressionAttributeValues: { ':rev': s.sheetRev } } : undefined;
    await orConflict(
      () =>
        this.doc.send(
          new PutCommand({
            TableName: this.table,
            Item: E.session.item({ townshipId: s.townshipId, quarter: s.quarter }, s),
            ...expectVersion(expectedVersion, also ? { also } : {}),
          }),
        ),
      '评议已被他人修改或有新的评分，请刷新后再试',
      'body.version',
    );
  }

  private async partition(townshipId: string, quarter: string, prefix: string) {
    return queryAll<Item>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':pk': E.partition(townshipId, quarter), ':s': prefix },
      ConsistentRead: true,
    });
  }

  async reports(townshipId: string, quarter: string) {
    return (await this.partition(townshipId, quarter, 'REPORT#')).map((i) => E.report.parse(i));
  }

  async sheets(townshipId: string, quarter: string) {
    return (await this.partition(townshipId, quarter, 'SHEET#')).map((i) => E.sheet.parse(i));
  }

  private stateCheck(townshipId: string, quarter: string, state: string, bump: boolean) {
    const base = {
      TableName: this.table,
      Key: E.session.key({ townshipId, quarter }),
      ConditionExpression: '#state = :state',
      ExpressionAttributeNames: { '#state': 'state' },
    };
    return bump
      ? {
          Update: {
            ...base,
            UpdateExpression: 'SET sheetRev = sheetRev + :one',
            ExpressionAttributeValues: { ':state': state, ':one': 1 },
          },
        }
      : { ConditionCheck: { ...base, ExpressionAttributeValues: { ':state': state } } };
  }

  async putReport(r: StoredAppraisalReport, expectedVersion: number) {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            this.stateCheck(r.townshipId, r.quarter, 'open', false),
            { Put: { TableName: this.table, Item: E.report.item(r, r), ...expectVersion(expectedVersion) } },
          ],
        }),
      );
    } catch (err) {
      throw transactionError(err, '述职阶段已结束', '述职报告已被修改，请刷新后再改');
    }
  }

  async putSheet(s: StoredAppraisalSheet, expectedVersion: number) {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            this.stateCheck(s.townshipId, s.quarter, 'scoring', true),
            { Put: { TableName: this.table, Item: E.sheet.item(s, s), ...expectVersion(expectedVersion) } },
          ],
        }),
      );
    } catch (err) {
      throw transactionError(err, '评议已结束，不能再打分', '这份评分已被更新，请刷新后再改');
    }
  }
}
