import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { expectVersion } from '../../platform/dynamodb/optimistic';
import { cancellationReasons, failedCondition } from '../../platform/dynamodb/transaction-errors';
import { conflict } from '../../platform/kernel/domain-error';
import { NO_NOTICES, type NoticeWrites } from '../../platform/notify/notices';
import { learningEntities, learningQueries } from './learning.entities';
import type { LearningTable } from './learning-table.dynamodb';
import type { TestRepository } from './test-repository';
import type { StoredTestResult } from './test-result';
import type { StoredAttempt, StoredTestSession } from './test-session';

const { session, attempt, result } = learningEntities;

export class DynamoTestRepository implements TestRepository {
  constructor(private readonly t: LearningTable) {}

  /* sessions */

  async createSession(s: StoredTestSession, notices: NoticeWrites = NO_NOTICES) {
    if (!notices.writes.length) return this.t.insert(session.item(s, s));
    try {
      await this.t.doc.send(
        new TransactWriteCommand({
          TransactItems: [{ Put: { TableName: this.t.table, Item: session.item(s, s), ...expectVersion(0) } }, ...notices.writes],
        }),
      );
      return true;
    } catch (err) {
      if (failedCondition(err, 0)) return false;
      throw err;
    }
  }

  getSession(id: string) {
    return this.t.get(session, { id });
  }

  async listSessions(districtId: string) {
    const res = await this.t.doc.send(
      new QueryCommand({
        TableName: this.t.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': learningQueries.sessions(districtId) },
        ScanIndexForward: false,
        Limit: 200,
      }),
    );
    return (res.Items ?? []).map((i) => session.parse(i));
  }

  /* attempts and results */

  async attemptsOf(sessionId: string, userId: string) {
    const list = await this.t.list(attempt, learningQueries.attempts(sessionId, userId));
    return list.sort((a, b) => a.attemptNo - b.attemptNo);
  }

  async putAttempt(a: StoredAttempt) {
    if (!(await this.t.insert(attempt.item(a, a)))) throw conflict('作答已开始，请刷新后重试');
  }

  async submitAttempt(a: StoredAttempt, r: StoredTestResult, previousAttempts: number) {
    try {
      await this.t.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.t.table,
                Item: attempt.item(a, a),
                ConditionExpression: '#s = :started',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':started': 'started' },
              },
            },
            // The result row counts the submissions: of two concurrent ones, only the first is counted.
            { Put: { TableName: this.t.table, Item: result.item(r, r), ...expectVersion(previousAttempts, { attribute: 'attempts' }) } },
          ],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)) throw conflict('本次作答已提交，请刷新查看成绩');
      throw err;
    }
  }

  getResult(sessionId: string, userId: string) {
    return this.t.get(result, { sessionId, userId });
  }

  listResults(sessionId: string) {
    return this.t.list(result, learningQueries.results(sessionId));
  }
}
