import type { QuestionBankRepository } from './question-bank-repository';
import type { QuestionnaireRepository } from './questionnaire-repository';
import type { TestRepository } from './test-repository';

/** 应知应会 (question bank; test sessions, attempts and results) and 调查问卷 (questionnaires and their responses). */
export interface LearningRepository {
  questions: QuestionBankRepository;
  tests: TestRepository;
  questionnaires: QuestionnaireRepository;
}
