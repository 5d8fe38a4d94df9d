import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { queryAll } from '../../platform/dynamodb/query-all';
import { cancellationReasons, isConditionalCheckFailed } from '../../platform/dynamodb/transaction-errors';
import { conflict, notFound } from '../../platform/kernel/domain-error';
import type { StoredAttempt, StoredQuestion, StoredQuestionnaire, StoredResponse, StoredTestResult, StoredTestSession } from './learning';
import type { LearningRepository } from './learning-repository';

/**
 * Keys (see table-definition.ts):
 * - question bank:        DIST#{d}#QBANK / Q#{id}
 * - test session:         TEST#{id} / TEST; gsi1 DIST#{d}#TESTS / {createdAt}#{id}
 * - attempts:             TEST#{id} / ATT#{userId}#{n}
 * - a taker's result:     TEST#{id} / RES#{userId}
 * - questionnaire:        QN#{id} / QN; gsi1 TWN#{t}#QNS / {createdAt}#{id}
 * - responses:            QN#{id} / RESP#{userId}
 */
const K = {
  question: (d: string, id: string) => ({ pk: `DIST#${d}#QBANK`, sk: `Q#${id}` }),
  session: (id: string) => ({ pk: `TEST#${id}`, sk: 'TEST' }),
  attempt: (s: string, u: string, n: number) => ({ pk: `TEST#${s}`, sk: `ATT#${u}#${n}` }),
  result: (s: string, u: string) => ({ pk: `TEST#${s}`, sk: `RES#${u}` }),
  questionnaire: (id: string) => ({ pk: `QN#${id}`, sk: 'QN' }),
  response: (q: string, u: string) => ({ pk: `QN#${q}`, sk: `RESP#${u}` }),
};

/** The stored item of a bank question (also used by the demo seed). */
export const questionItem = (q: StoredQuestion) => ({ ...K.question(q.districtId, q.id), entity: 'question', ...q });

/** The record without its key attributes. */
function strip<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, entity: _e, ...rest } = item;
  return rest as T;
}

export class DynamoLearningRepository implements LearningRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private async get<T>(key: { pk: string; sk: string }): Promise<T | undefined> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true }));
    return res.Item ? strip<T>(res.Item) : undefined;
  }

  private async insert(item: Record<string, unknown>): Promise<boolean> {
    try {
      await this.doc.send(new PutCommand({ TableName: this.table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }

  private async prefix<T>(pk: string, prefix: string): Promise<T[]> {
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': pk, ':p': prefix },
      ConsistentRead: true,
    });
    return items.map((i) => strip<T>(i));
  }

  /* questions */

  listQuestions(d: string) {
    return this.prefix<StoredQuestion>(`DIST#${d}#QBANK`, 'Q#');
  }

  async putQuestion(q: StoredQuestion) {
    if (!(await this.insert(questionItem(q)))) throw conflict('题目编号重复');
  }

  getQuestion(d: string, id: string) {
    return this.get<StoredQuestion>(K.question(d, id));
  }

  async deleteQuestion(d: string, id: string) {
    try {
      await this.doc.send(
        new DeleteCommand({ TableName: this.table, Key: K.question(d, id), ConditionExpression: 'attribute_exists(pk)' }),
      );
    } catch (err) {
      if (isConditionalCheckFailed(err)) throw notFound('题目');
      throw err;
    }
  }

  /* sessions */

  createSession(s: StoredTestSession) {
    return this.insert({
      ...K.session(s.id),
      entity: 'test-session',
      gsi1pk: `DIST#${s.districtId}#TESTS`,
      gsi1sk: `${s.createdAt}#${s.id}`,
      ...s,
    });
  }

  getSession(id: string) {
    return this.get<StoredTestSession>(K.session(id));
  }

  async listSessions(d: string) {
    const res = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `DIST#${d}#TESTS` },
        ScanIndexForward: false,
        Limit: 200,
      }),
    );
    return (res.Items ?? []).map((i) => strip<StoredTestSession>(i));
  }

  /* attempts and results */

  async attemptsOf(sessionId: string, userId: string) {
    const list = await this.prefix<StoredAttempt>(`TEST#${sessionId}`, `ATT#${userId}#`);
    return list.sort((a, b) => a.attemptNo - b.attemptNo);
  }

  async putAttempt(a: StoredAttempt) {
    if (!(await this.insert({ ...K.attempt(a.sessionId, a.userId, a.attemptNo), entity: 'test-attempt', ...a })))
      throw conflict('作答已开始，请刷新后重试');
  }

  async submitAttempt(a: StoredAttempt, r: StoredTestResult, previousAttempts: number) {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: { ...K.attempt(a.sessionId, a.userId, a.attemptNo), entity: 'test-attempt', ...a },
                ConditionExpression: '#s = :started',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':started': 'started' },
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: { ...K.result(r.sessionId, r.userId), entity: 'test-result', ...r },
                ...(previousAttempts === 0
                  ? { ConditionExpression: 'attribute_not_exists(pk)' }
                  : { ConditionExpression: 'attempts = :n', ExpressionAttributeValues: { ':n': previousAttempts } }),
              },
            },
          ],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)) throw conflict('本次作答已提交，请刷新查看成绩');
      throw err;
    }
  }

  getResult(sessionId: string, userId: string) {
    return this.get<StoredTestResult>(K.result(sessionId, userId));
  }

  listResults(sessionId: string) {
    return this.prefix<StoredTestResult>(`TEST#${sessionId}`, 'RES#');
  }

  /* questionnaires */

  createQuestionnaire(q: StoredQuestionnaire) {
    return this.insert({
      ...K.questionnaire(q.id),
      entity: 'questionnaire',
      gsi1pk: `TWN#${q.townshipId}#QNS`,
      gsi1sk: `${q.createdAt}#${q.id}`,
      ...q,
    });
  }

  getQuestionnaire(id: string) {
    return this.get<StoredQuestionnaire>(K.questionnaire(id));
  }

  async listQuestionnaires(townshipId: string) {
    const items = await queryAll<Record<string, unknown>>(this.doc, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `TWN#${townshipId}#QNS` },
      ScanIndexForward: false,
    });
    return items.map((i) => strip<StoredQuestionnaire>(i));
  }

  async closeQuestionnaire(id: string, at: string) {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: K.questionnaire(id),
          UpdateExpression: 'SET closedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(closedAt)',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    } catch (err) {
      if (isConditionalCheckFailed(err)) throw conflict('问卷已结束');
      throw err;
    }
  }

  async putResponse(r: StoredResponse, expectedVersion: number) {
    const Item = { ...K.response(r.questionnaireId, r.userId), entity: 'qn-response', ...r };
    try {
      if (expectedVersion > 0) {
        await this.doc.send(
          new PutCommand({
            TableName: this.table,
            Item,
            ConditionExpression: 'version = :v',
            ExpressionAttributeValues: { ':v': expectedVersion },
          }),
        );
        return;
      }
      // A first response also counts on the questionnaire, so lists never read the responses to count them.
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.table, Item, ConditionExpression: 'attribute_not_exists(pk)' } },
            {
              Update: {
                TableName: this.table,
                Key: K.questionnaire(r.questionnaireId),
                UpdateExpression: 'ADD responseCount :one',
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ],
        }),
      );
    } catch (err) {
      if (isConditionalCheckFailed(err) || cancellationReasons(err)?.[0] === 'ConditionalCheckFailed')
        throw conflict('答卷已在别处修改，请刷新后重试');
      throw err;
    }
  }

  getResponse(questionnaireId: string, userId: string) {
    return this.get<StoredResponse>(K.response(questionnaireId, userId));
  }

  listResponses(questionnaireId: string) {
    return this.prefix<StoredResponse>(`QN#${questionnaireId}`, 'RESP#');
  }
}
