import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LearningRepository } from './learning-repository';
import { LearningTable } from './learning-table.dynamodb';
import { DynamoQuestionBank } from './question-bank-repository.dynamodb';
import { DynamoQuestionnaireRepository } from './questionnaire-repository.dynamodb';
import { DynamoTestRepository } from './test-repository.dynamodb';

/** The learning port on the single table: the question bank, the tests and the questionnaires. */
export class DynamoLearningRepository implements LearningRepository {
  readonly questions: DynamoQuestionBank;
  readonly tests: DynamoTestRepository;
  readonly questionnaires: DynamoQuestionnaireRepository;

  constructor(doc: DynamoDBDocumentClient, table: string) {
    const t = new LearningTable(doc, table);
    this.questions = new DynamoQuestionBank(t);
    this.tests = new DynamoTestRepository(t);
    this.questionnaires = new DynamoQuestionnaireRepository(t);
  }
}
