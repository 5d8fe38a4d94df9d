import { defineEntity } from '../../platform/dynamodb/entity';
import { everyField } from '../../platform/dynamodb/every-field';
import type { StoredQuestion } from './question';
import type { StoredQuestionnaire, StoredResponse } from './questionnaire';
import type { StoredTestResult } from './test-result';
import type { StoredAttempt, StoredTestSession } from './test-session';

/**
 * 应知应会 and 调查问卷 in the single table (access patterns):
 * - 应知应会 question bank:                      DIST#{d}#QBANK / Q#{id}
 * - a test session (questions with the key):     TEST#{id} / TEST; gsi1: DIST#{d}#TESTS / {createdAt}#{id}
 * - a person's attempts and best result:         TEST#{id} / ATT#{userId}#{n} | RES#{userId}
 * - 调查问卷 and a township's questionnaires:      QN#{id} / QN; gsi1: TWN#{t}#QNS / {createdAt}#{id}
 * - one response per person:                     QN#{id} / RESP#{userId}
 */
const bankPk = (districtId: string) => `DIST#${districtId}#QBANK`;
const testPk = (sessionId: string) => `TEST#${sessionId}`;
const sessionsPk = (districtId: string) => `DIST#${districtId}#TESTS`;
const questionnairePk = (questionnaireId: string) => `QN#${questionnaireId}`;
const questionnairesPk = (townshipId: string) => `TWN#${townshipId}#QNS`;

const QUESTION = 'Q#';
const attemptsOf = (userId: string) => `ATT#${userId}#`;
const RESULT = 'RES#';
const RESPONSE = 'RESP#';

/** A partition and the sort-key prefix of the items of one kind in it. */
export interface PrefixQuery {
  pk: string;
  prefix: string;
}

export const learningEntities = {
  question: defineEntity<StoredQuestion, { districtId: string; id: string }>({
    name: 'question',
    key: ({ districtId, id }) => ({ pk: bankPk(districtId), sk: `${QUESTION}${id}` }),
    fields: everyField<StoredQuestion>()([
      'id',
      'districtId',
      'topic',
      'kind',
      'text',
      'options',
      'answer',
      'townshipId',
      'ownerLabel',
      'createdAt',
      'createdBy',
      'createdByName',
    ]),
  }),
  session: defineEntity<StoredTestSession, { id: string }>({
    name: 'test-session',
    key: ({ id }) => ({ pk: testPk(id), sk: 'TEST' }),
    index: (s) => ({ gsi1pk: sessionsPk(s.districtId), gsi1sk: `${s.createdAt}#${s.id}` }),
    fields: everyField<StoredTestSession>()([
      'id',
      'districtId',
      'title',
      'organiserLabel',
      'townshipIds',
      'roles',
      'questions',
      'opensAt',
      'closesAt',
      'durationMinutes',
      'maxAttempts',
      'passScore',
      'createdAt',
      'createdBy',
      'createdByName',
    ]),
  }),
  attempt: defineEntity<StoredAttempt, { sessionId: string; userId: string; attemptNo: number }>({
    name: 'test-attempt',
    key: ({ sessionId, userId, attemptNo }) => ({ pk: testPk(sessionId), sk: `${attemptsOf(userId)}${attemptNo}` }),
    fields: everyField<StoredAttempt>()([
      'sessionId',
      'userId',
      'attemptNo',
      'key',
      'startedAt',
      'deadline',
      'status',
      'submittedAt',
      'answers',
      'score',
      'correctCount',
      'total',
    ]),
  }),
  result: defineEntity<StoredTestResult, { sessionId: string; userId: string }>({
    name: 'test-result',
    key: ({ sessionId, userId }) => ({ pk: testPk(sessionId), sk: `${RESULT}${userId}` }),
    fields: everyField<StoredTestResult>()([
      'sessionId',
      'userId',
      'townshipId',
      'branchId',
      'name',
      'bestScore',
      'attempts',
      'lastSubmittedAt',
    ]),
  }),
  questionnaire: defineEntity<StoredQuestionnaire, { id: string }>({
    name: 'questionnaire',
    key: ({ id }) => ({ pk: questionnairePk(id), sk: 'QN' }),
    index: (q) => ({ gsi1pk: questionnairesPk(q.townshipId), gsi1sk: `${q.createdAt}#${q.id}` }),
    fields: everyField<StoredQuestionnaire>()([
      'id',
      'districtId',
      'townshipId',
      'townshipName',
      'title',
      'intro',
      'roles',
      'questions',
      'closesAt',
      'closedAt',
      'createdAt',
      'createdBy',
      'createdByName',
      'responseCount',
    ]),
  }),
  response: defineEntity<StoredResponse, { questionnaireId: string; userId: string }>({
    name: 'qn-response',
    key: ({ questionnaireId, userId }) => ({ pk: questionnairePk(questionnaireId), sk: `${RESPONSE}${userId}` }),
    fields: everyField<StoredResponse>()([
      'questionnaireId',
      'userId',
      'name',
      'branchId',
      'branchName',
      'answers',
      'submittedAt',
      'updatedAt',
      'version',
    ]),
  }),
};

/** The partitions the learning adapters query. */
export const learningQueries = {
  /** The district's question bank. */
  questions: (districtId: string): PrefixQuery => ({ pk: bankPk(districtId), prefix: QUESTION }),
  /** A person's attempts at a session. */
  attempts: (sessionId: string, userId: string): PrefixQuery => ({ pk: testPk(sessionId), prefix: attemptsOf(userId) }),
  /** Every taker's result of a session. */
  results: (sessionId: string): PrefixQuery => ({ pk: testPk(sessionId), prefix: RESULT }),
  /** A questionnaire's responses. */
  responses: (questionnaireId: string): PrefixQuery => ({ pk: questionnairePk(questionnaireId), prefix: RESPONSE }),
  /** gsi1: the district's sessions, by creation. */
  sessions: (districtId: string) => sessionsPk(districtId),
  /** gsi1: a township's questionnaires, by creation. */
  questionnaires: (townshipId: string) => questionnairesPk(townshipId),
};
