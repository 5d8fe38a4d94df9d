import type { learningRoutes } from '@chuangxing/shared';
import type { RouteImpls } from '../../platform/http/route-context';
import type { LearningPorts } from './learning.ports';
import { createQuestion, deleteQuestion, listQuestions } from './manage-question-bank';
import { exportQuestionnaire, getQuestionnaireResults } from './questionnaire-results';
import { closeQuestionnaire, createQuestionnaire, getQuestionnaire, listQuestionnaires, putResponse } from './questionnaires';
import { listMyTests, startAttempt, submitAttempt } from './take-test';
import { getTestResults, remindTestMissing } from './test-results';
import { createTestSession, listTestSessions } from './test-sessions';

export const learningImplementations: RouteImpls<typeof learningRoutes, LearningPorts> = {
  listQuestions: async ({ deps, principal, allowed }) => ({ status: 200, body: await listQuestions(deps, principal, allowed) }),
  createQuestion: async ({ deps, principal, allowed, body }) => ({
    status: 201,
    body: await createQuestion(deps, principal, allowed, body),
  }),
  deleteQuestion: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await deleteQuestion(deps, principal, allowed, params.questionId),
  }),
  createTestSession: async ({ deps, principal, allowed, body }) => ({
    status: 201,
    body: await createTestSession(deps, principal, allowed, body),
  }),
  listTestSessions: async ({ deps, principal, allowed }) => ({ status: 200, body: await listTestSessions(deps, principal, allowed) }),
  listMyTests: async ({ deps, principal, allowed }) => ({ status: 200, body: await listMyTests(deps, principal, allowed) }),
  startTestAttempt: async ({ deps, principal, allowed, params, body }) => ({
    status: 201,
    body: await startAttempt(deps, principal, allowed, params.sessionId, body.key),
  }),
  submitTestAttempt: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await submitAttempt(deps, principal, allowed, params.sessionId, params.attemptNo, body),
  }),
  getTestResults: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await getTestResults(deps, principal, allowed, params.sessionId),
  }),
  remindTestMissing: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await remindTestMissing(deps, principal, allowed, params.sessionId),
  }),

  createQuestionnaire: async ({ deps, principal, allowed, body }) => ({
    status: 201,
    body: await createQuestionnaire(deps, principal, allowed, body),
  }),
  listQuestionnaires: async ({ deps, principal, allowed }) => ({ status: 200, body: await listQuestionnaires(deps, principal, allowed) }),
  getQuestionnaire: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await getQuestionnaire(deps, principal, allowed, params.questionnaireId),
  }),
  putQuestionnaireResponse: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await putResponse(deps, principal, allowed, params.questionnaireId, body),
  }),
  getQuestionnaireResults: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await getQuestionnaireResults(deps, principal, allowed, params.questionnaireId),
  }),
  /** The edge sends `base64` as the CSV bytes (BOM first) with an attachment disposition. */
  exportQuestionnaire: async ({ deps, principal, allowed, params }) => {
    const file = await exportQuestionnaire(deps, principal, allowed, params.questionnaireId);
    return { status: 200, body: { filename: file.filename, contentType: file.contentType, base64: file.bytes.toString('base64') } };
  },
  closeQuestionnaire: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await closeQuestionnaire(deps, principal, allowed, params.questionnaireId),
  }),
};
