import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed } from '../../platform/dynamodb/transaction-errors';
import { conflict, notFound } from '../../platform/kernel/domain-error';
import { learningEntities, learningQueries } from './learning.entities';
import type { LearningTable } from './learning-table.dynamodb';
import type { StoredQuestion } from './question';
import type { QuestionBankRepository } from './question-bank-repository';

const { question } = learningEntities;

export class DynamoQuestionBank implements QuestionBankRepository {
  constructor(private readonly t: LearningTable) {}

  list(districtId: string) {
    return this.t.list(question, learningQueries.questions(districtId));
  }

  async put(q: StoredQuestion) {
    if (!(await this.t.insert(question.item(q, q)))) throw conflict('题目编号重复');
  }

  get(districtId: string, id: string) {
    return this.t.get(question, { districtId, id });
  }

  async delete(districtId: string, id: string) {
    try {
      await this.t.doc.send(
        new DeleteCommand({ TableName: this.t.table, Key: question.key({ districtId, id }), ConditionExpression: 'attribute_exists(pk)' }),
      );
    } catch (err) {
      if (isConditionalCheckFailed(err)) throw notFound('题目');
      throw err;
    }
  }
}
