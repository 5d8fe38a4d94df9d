import { describe, expect, it } from 'vitest';
import { learningEntities, learningQueries } from '../../src/features/learning/learning.entities';
import type { StoredQuestion } from '../../src/features/learning/question';
import type { StoredQuestionnaire, StoredResponse } from '../../src/features/learning/questionnaire';
import type { StoredTestResult } from '../../src/features/learning/test-result';
import type { StoredAttempt, StoredTestSession } from '../../src/features/learning/test-session';

// The items as the adapters wrote them before the entities were declared: keys, `entity`, then the record.
// Stored data must keep working, so each entity must write exactly these attributes and read them back.

const question: StoredQuestion = {
  id: 'q1',
  districtId: 'erqi',
  topic: '五星支部创建',
  kind: 'multiple',
  text: '哪些？',
  options: ['甲', '乙', '丙'],
  answer: [0, 2],
  townshipId: 't1',
  ownerLabel: '一号街道',
  createdAt: '2026-11-27T02:00:00.000Z',
  createdBy: 'u1',
  createdByName: '王干事',
};

const session: StoredTestSession = {
  id: 's1',
  districtId: 'erqi',
  title: '应知应会',
  organiserLabel: '一号街道',
  townshipIds: ['t1', 't2'],
  roles: ['cadre', 'secretary'],
  questions: [{ id: 'q1', kind: 'single', text: '单选', options: ['甲', '乙'], answer: [1] }],
  opensAt: '2026-11-27T00:00:00.000Z',
  closesAt: '2026-11-28T00:00:00.000Z',
  durationMinutes: 20,
  maxAttempts: 2,
  passScore: 60,
  createdAt: '2026-11-26T02:00:00.000Z',
  createdBy: 'u1',
  createdByName: '王干事',
};

const started: StoredAttempt = {
  sessionId: 's1',
  userId: 'u2',
  attemptNo: 1,
  key: 'attempt-key-0001',
  startedAt: '2026-11-27T02:00:00.000Z',
  deadline: '2026-11-27T02:20:00.000Z',
  status: 'started',
  total: 1,
};

const submitted: StoredAttempt = {
  ...started,
  attemptNo: 12,
  status: 'submitted',
  submittedAt: '2026-11-27T02:10:00.000Z',
  answers: [{ questionId: 'q1', choice: [1] }],
  score: 100,
  correctCount: 1,
};

const result: StoredTestResult = {
  sessionId: 's1',
  userId: 'u2',
  townshipId: 't1',
  branchId: 'b1',
  name: '李书记',
  bestScore: 100,
  attempts: 1,
  lastSubmittedAt: '2026-11-27T02:10:00.000Z',
};

const questionnaire: StoredQuestionnaire = {
  id: 'qn1',
  districtId: 'erqi',
  townshipId: 't1',
  townshipName: '一号街道',
  title: '满意度',
  intro: '请如实填写',
  roles: ['cadre'],
  questions: [{ id: 'q1', kind: 'text', text: '建议', options: [], required: false }],
  closesAt: '2026-12-01T00:00:00.000Z',
  createdAt: '2026-11-27T02:00:00.000Z',
  createdBy: 'u1',
  createdByName: '王干事',
};

const response: StoredResponse = {
  questionnaireId: 'qn1',
  userId: 'u2',
  name: '李书记',
  branchId: 'b1',
  branchName: '一号支部',
  answers: [{ questionId: 'q1', choice: [], text: '很好' }],
  submittedAt: '2026-11-27T03:00:00.000Z',
  updatedAt: '2026-11-27T04:00:00.000Z',
  version: 2,
};

describe('learning entities write the items as before', () => {
  it('a bank question: DIST#{d}#QBANK / Q#{id}', () => {
    const item = learningEntities.question.item(question, question);
    expect(item).toStrictEqual({ pk: 'DIST#erqi#QBANK', sk: 'Q#q1', entity: 'question', ...question });
    expect(learningEntities.question.parse(item)).toStrictEqual(question);
    const { townshipId: _t, ...district } = question;
    expect(learningEntities.question.item(district, district)).toStrictEqual({
      pk: 'DIST#erqi#QBANK',
      sk: 'Q#q1',
      entity: 'question',
      ...district,
    });
  });

  it('a test session: TEST#{id} / TEST, in the district feed by creation', () => {
    const item = learningEntities.session.item(session, session);
    expect(item).toStrictEqual({
      pk: 'TEST#s1',
      sk: 'TEST',
      entity: 'test-session',
      gsi1pk: 'DIST#erqi#TESTS',
      gsi1sk: '2026-11-26T02:00:00.000Z#s1',
      ...session,
    });
    expect(learningEntities.session.parse(item)).toStrictEqual(session);
  });

  it('attempts and results: TEST#{id} / ATT#{userId}#{n} | RES#{userId}', () => {
    for (const a of [started, submitted]) {
      const item = learningEntities.attempt.item(a, a);
      expect(item).toStrictEqual({ pk: 'TEST#s1', sk: `ATT#u2#${a.attemptNo}`, entity: 'test-attempt', ...a });
      expect(learningEntities.attempt.parse(item)).toStrictEqual(a);
    }
    const item = learningEntities.result.item(result, result);
    expect(item).toStrictEqual({ pk: 'TEST#s1', sk: 'RES#u2', entity: 'test-result', ...result });
    expect(learningEntities.result.parse(item)).toStrictEqual(result);
  });

  it('a questionnaire: QN#{id} / QN, in its township by creation; counters and closing read back', () => {
    const item = learningEntities.questionnaire.item(questionnaire, questionnaire);
    expect(item).toStrictEqual({
      pk: 'QN#qn1',
      sk: 'QN',
      entity: 'questionnaire',
      gsi1pk: 'TWN#t1#QNS',
      gsi1sk: '2026-11-27T02:00:00.000Z#qn1',
      ...questionnaire,
    });
    const later = { ...item, closedAt: '2026-11-30T00:00:00.000Z', responseCount: 3 };
    expect(learningEntities.questionnaire.parse(later)).toStrictEqual({
      ...questionnaire,
      closedAt: '2026-11-30T00:00:00.000Z',
      responseCount: 3,
    });
  });

  it('a response: QN#{id} / RESP#{userId}', () => {
    const item = learningEntities.response.item(response, response);
    expect(item).toStrictEqual({ pk: 'QN#qn1', sk: 'RESP#u2', entity: 'qn-response', ...response });
    expect(learningEntities.response.parse(item)).toStrictEqual(response);
  });

  it('queries read one kind of item of a partition', () => {
    expect(learningQueries.questions('erqi')).toEqual({ pk: 'DIST#erqi#QBANK', prefix: 'Q#' });
    expect(learningQueries.attempts('s1', 'u1')).toEqual({ pk: 'TEST#s1', prefix: 'ATT#u1#' });
    // One person's prefix never reaches another's attempts (u1 / u10).
    expect(learningEntities.attempt.key({ sessionId: 's1', userId: 'u10', attemptNo: 1 }).sk.startsWith('ATT#u1#')).toBe(false);
    expect(learningQueries.results('s1')).toEqual({ pk: 'TEST#s1', prefix: 'RES#' });
    expect(learningQueries.responses('qn1')).toEqual({ pk: 'QN#qn1', prefix: 'RESP#' });
    expect(learningQueries.sessions('erqi')).toBe('DIST#erqi#TESTS');
    expect(learningQueries.questionnaires('t1')).toBe('TWN#t1#QNS');
  });
});
