import { PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Item } from '../../platform/dynamodb/entity';
import { expectVersion, orConflict } from '../../platform/dynamodb/optimistic';
import { queryAll } from '../../platform/dynamodb/query-all';
import { failedCondition } from '../../platform/dynamodb/transaction-errors';
import { conflict } from '../../platform/kernel/domain-error';
import { learningEntities, learningQueries } from './learning.entities';
import type { LearningTable } from './learning-table.dynamodb';
import type { StoredQuestionnaire, StoredResponse } from './questionnaire';
import type { QuestionnaireRepository } from './questionnaire-repository';

const { questionnaire, response } = learningEntities;
const RESPONSE_CONFLICT = '答卷已在别处修改，请刷新后重试';

export class DynamoQuestionnaireRepository implements QuestionnaireRepository {
  constructor(private readonly t: LearningTable) {}

  create(q: StoredQuestionnaire) {
    return this.t.insert(questionnaire.item(q, q));
  }

  get(id: string) {
    return this.t.get(questionnaire, { id });
  }

  async list(townshipId: string) {
    const items = await queryAll<Item>(this.t.doc, {
      TableName: this.t.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': learningQueries.questionnaires(townshipId) },
      ScanIndexForward: false,
    });
    return items.map((i) => questionnaire.parse(i));
  }

  async close(id: string, at: string) {
    await orConflict(
      () =>
        this.t.doc.send(
          new UpdateCommand({
            TableName: this.t.table,
            Key: questionnaire.key({ id }),
            UpdateExpression: 'SET closedAt = :at',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(closedAt)',
            ExpressionAttributeValues: { ':at': at },
          }),
        ),
      '问卷已结束',
    );
  }

  async putResponse(r: StoredResponse, expectedVersion: number) {
    const Item = response.item(r, r);
    if (expectedVersion > 0) {
      await orConflict(
        () => this.t.doc.send(new PutCommand({ TableName: this.t.table, Item, ...expectVersion(expectedVersion) })),
        RESPONSE_CONFLICT,
      );
      return;
    }
    // A first response also counts on the questionnaire, so lists never read the responses to count them.
    try {
      await this.t.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.t.table, Item, ...expectVersion(0) } },
            {
              Update: {
                TableName: this.t.table,
                Key: questionnaire.key({ id: r.questionnaireId }),
                UpdateExpression: 'ADD responseCount :one',
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ],
        }),
      );
    } catch (err) {
      if (failedCondition(err, 0)) throw conflict(RESPONSE_CONFLICT);
      throw err;
    }
  }

  getResponse(questionnaireId: string, userId: string) {
    return this.t.get(response, { questionnaireId, userId });
  }

  listResponses(questionnaireId: string) {
    return this.t.list(response, learningQueries.responses(questionnaireId));
  }
}
