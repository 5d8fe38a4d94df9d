import type { Routes } from '@chuangxing/shared';
import type { RouteImpl } from '../../platform/http/route-context';
import * as qn from './questionnaires';
import * as learning from './test-sessions';

export const listQuestions: RouteImpl<Routes['listQuestions']> = async ({ deps, principal, allowed }) => ({
  status: 200,
  body: await learning.listQuestions(deps, principal, allowed),
});
export const createQuestion: RouteImpl<Routes['createQuestion']> = async ({ deps, principal, allowed, body }) => ({
  status: 201,
  body: await learning.createQuestion(deps, principal, allowed, body),
});
export const deleteQuestion: RouteImpl<Routes['deleteQuestion']> = async ({ deps, principal, allowed, params }) => ({
  status: 200,
  body: await learning.deleteQuestion(deps, principal, allowed, params.questionId),
});
export const createTestSession: RouteImpl<Routes['createTestSession']> = async ({ deps, principal, allowed, body }) => ({
  status: 201,
  body: await learning.createTestSession(deps, principal, allowed, body),
});
export const listTestSessions: RouteImpl<Routes['listTestSessions']> = async ({ deps, principal, allowed }) => ({
  status: 200,
  body: await learning.listTestSessions(deps, principal, allowed),
});
export const listMyTests: RouteImpl<Routes['listMyTests']> = async ({ deps, principal, allowed }) => ({
  status: 200,
  body: await learning.listMyTests(deps, principal, allowed),
});
export const startTestAttempt: RouteImpl<Routes['startTestAttempt']> = async ({ deps, principal, allowed, params, body }) => ({
  status: 201,
  body: await learning.startAttempt(deps, principal, allowed, params.sessionId, body.key),
});
export const submitTestAttempt: RouteImpl<Routes['submitTestAttempt']> = async ({ deps, principal, allowed, params, body }) => ({
  status: 200,
  body: await learning.submitAttempt(deps, principal, allowed, params.sessionId, params.attemptNo, body),
});
export const getTestResults: RouteImpl<Routes['getTestResults']> = async ({ deps, principal, allowed, params }) => ({
  status: 200,
  body: await learning.getTestResults(deps, principal, allowed, params.sessionId),
});
export const remindTestMissing: RouteImpl<Routes['remindTestMissing']> = async ({ deps, principal, allowed, params }) => ({
  status: 200,
  body: await learning.remindTestMissing(deps, principal, allowed, params.sessionId),
});

export const createQuestionnaire: RouteImpl<Routes['createQuestionnaire']> = async ({ deps, principal, allowed, body }) => ({
  status: 201,
  body: await qn.createQuestionnaire(deps, principal, allowed, body),
});
export const listQuestionnaires: RouteImpl<Routes['listQuestionnaires']> = async ({ deps, principal, allowed }) => ({
  status: 200,
  body: await qn.listQuestionnaires(deps, principal, allowed),
});
export const getQuestionnaire: RouteImpl<Routes['getQuestionnaire']> = async ({ deps, principal, allowed, params }) => ({
  status: 200,
  body: await qn.getQuestionnaire(deps, principal, allowed, params.questionnaireId),
});
export const putQuestionnaireResponse: RouteImpl<Routes['putQuestionnaireResponse']> = async ({
  deps,
  principal,
  allowed,
  params,
  body,
}) => ({
  status: 200,
  body: await qn.putResponse(deps, principal, allowed, params.questionnaireId, body),
});
export const getQuestionnaireResults: RouteImpl<Routes['getQuestionnaireResults']> = async ({ deps, principal, allowed, params }) => ({
  status: 200,
  body: await qn.getQuestionnaireResults(deps, principal, allowed, params.questionnaireId),
});
/** The edge sends `base64` as the CSV bytes (BOM first) with an attachment disposition. */
export const exportQuestionnaire: RouteImpl<Routes['exportQuestionnaire']> = async ({ deps, principal, allowed, params }) => {
  const file = await qn.exportQuestionnaire(deps, principal, allowed, params.questionnaireId);
  return { status: 200, body: { filename: file.filename, contentType: file.contentType, base64: file.bytes.toString('base64') } };
};
export const closeQuestionnaire: RouteImpl<Routes['closeQuestionnaire']> = async ({ deps, principal, allowed, params }) => ({
  status: 200,
  body: await qn.closeQuestionnaire(deps, principal, allowed, params.questionnaireId),
});
