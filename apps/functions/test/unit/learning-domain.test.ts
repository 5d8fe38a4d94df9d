import { describe, expect, it } from 'vitest';
import { normalizeQuestion } from '../../src/features/learning/question';
import { aggregateResponses, buildQnQuestions, checkResponse, csvCell, responsesCsv } from '../../src/features/learning/questionnaire';
import { histogram, participation } from '../../src/features/learning/test-result';
import {
  attemptDeadline,
  checkAnswers,
  isTooLate,
  type SessionQuestion,
  scoreAttempt,
  testStatus,
} from '../../src/features/learning/test-session';

const Q: SessionQuestion[] = [
  { id: 'a', kind: 'single', text: '单选', options: ['甲', '乙', '丙'], answer: [1] },
  { id: 'b', kind: 'multiple', text: '多选', options: ['甲', '乙', '丙', '丁'], answer: [0, 2] },
  { id: 'c', kind: 'judge', text: '判断', options: ['正确', '错误'], answer: [0] },
];

describe('scoring', () => {
  it('all right → 100; all wrong or unanswered → 0', () => {
    expect(
      scoreAttempt(Q, [
        { questionId: 'a', choice: [1] },
        { questionId: 'b', choice: [2, 0] },
        { questionId: 'c', choice: [0] },
      ]),
    ).toMatchObject({ correctCount: 3, total: 3, score: 100 });
    expect(scoreAttempt(Q, [])).toMatchObject({ correctCount: 0, score: 0 });
  });

  it('multiple choice needs the exact set: a subset or a superset scores nothing', () => {
    expect(scoreAttempt(Q, [{ questionId: 'b', choice: [0] }]).perQuestion[1].correct).toBe(false);
    expect(scoreAttempt(Q, [{ questionId: 'b', choice: [0, 1, 2] }]).perQuestion[1].correct).toBe(false);
    expect(scoreAttempt(Q, [{ questionId: 'b', choice: [2, 0, 0] }]).perQuestion[1].correct).toBe(true);
  });

  it('rounds to an integer percentage (2 of 3 → 67)', () => {
    expect(
      scoreAttempt(Q, [
        { questionId: 'a', choice: [1] },
        { questionId: 'c', choice: [0] },
      ]).score,
    ).toBe(67);
  });

  it('answers must name the session’s questions once, within their options, one choice for single and judge', () => {
    expect(checkAnswers(Q, [{ questionId: 'a', choice: [1] }])).toEqual([]);
    expect(
      checkAnswers(Q, [
        { questionId: 'x', choice: [0] },
        { questionId: 'a', choice: [0, 1] },
        { questionId: 'b', choice: [4] },
        { questionId: 'c', choice: [0] },
        { questionId: 'c', choice: [1] },
      ]).map((e) => [e.path, e.code]),
    ).toEqual([
      ['body.answers.0.questionId', 'unknown_question'],
      ['body.answers.1.choice', 'one_choice'],
      ['body.answers.2.choice', 'out_of_range'],
      ['body.answers.4.questionId', 'duplicate'],
    ]);
  });
});

describe('timing', () => {
  it('deadline is startedAt + duration, capped by the session close', () => {
    expect(attemptDeadline(new Date('2026-11-27T02:00:00Z'), 20, '2026-11-28T00:00:00Z')).toBe('2026-11-27T02:20:00.000Z');
    expect(attemptDeadline(new Date('2026-11-27T02:00:00Z'), 20, '2026-11-27T02:10:00Z')).toBe('2026-11-27T02:10:00.000Z');
  });

  it('a submission within 30 s of the deadline is accepted, later is refused', () => {
    const deadline = '2026-11-27T02:20:00.000Z';
    expect(isTooLate(new Date('2026-11-27T02:20:30.000Z'), deadline)).toBe(false);
    expect(isTooLate(new Date('2026-11-27T02:20:30.001Z'), deadline)).toBe(true);
  });

  it('status by the window', () => {
    const s = { opensAt: '2026-11-27T00:00:00Z', closesAt: '2026-11-28T00:00:00Z' };
    expect([
      testStatus(new Date('2026-11-26T23:59:59Z'), s),
      testStatus(new Date('2026-11-27T00:00:00Z'), s),
      testStatus(new Date('2026-11-28T00:00:00Z'), s),
    ]).toEqual(['upcoming', 'open', 'closed']);
  });
});

describe('question bank', () => {
  it('true/false always has 正确 / 错误 and one answer', () => {
    expect(normalizeQuestion({ topic: 't', kind: 'judge', text: 'x', options: ['whatever'], answer: [1] })).toEqual({
      options: ['正确', '错误'],
      answer: [1],
      errors: [],
    });
    expect(normalizeQuestion({ topic: 't', kind: 'judge', text: 'x', options: [], answer: [0, 1] }).errors.map((e) => e.code)).toEqual([
      'one_answer',
    ]);
  });

  it('the key must point at existing options; single has one answer; options are distinct', () => {
    expect(
      normalizeQuestion({ topic: 't', kind: 'single', text: 'x', options: ['a', 'b'], answer: [2] }).errors.map((e) => e.path),
    ).toEqual(['body.answer']);
    expect(
      normalizeQuestion({ topic: 't', kind: 'single', text: 'x', options: ['a', 'b'], answer: [0, 1] }).errors.map((e) => e.code),
    ).toEqual(['one_answer']);
    expect(
      normalizeQuestion({ topic: 't', kind: 'multiple', text: 'x', options: ['a', 'a'], answer: [0] }).errors.map((e) => e.code),
    ).toEqual(['duplicate_option']);
    expect(normalizeQuestion({ topic: 't', kind: 'multiple', text: 'x', options: ['a', 'b', 'c'], answer: [2, 0, 2] })).toMatchObject({
      answer: [0, 2],
      errors: [],
    });
  });
});

describe('participation and histogram', () => {
  it('only the current audience counts, in the numerator and the denominator', () => {
    const audience = new Set(['u1', 'u2', 'u3', 'u4']);
    const p = participation(
      audience,
      [
        { userId: 'u1', bestScore: 95 },
        { userId: 'u2', bestScore: 55 },
        { userId: 'gone', bestScore: 100 },
      ],
      60,
    );
    expect(p).toMatchObject({ audience: 4, taken: 2, rate: 0.5, average: 75, passed: 1 });
    expect(p.histogram).toEqual([
      { label: '0–59', count: 1 },
      { label: '60–69', count: 0 },
      { label: '70–79', count: 0 },
      { label: '80–89', count: 0 },
      { label: '90–100', count: 1 },
    ]);
    expect(participation(new Set(), [], 60)).toMatchObject({ audience: 0, taken: 0, rate: 0 });
    expect(histogram([59, 60, 100]).map((b) => b.count)).toEqual([1, 1, 0, 0, 1]);
  });
});

describe('questionnaires', () => {
  const { questions } = buildQnQuestions([
    { kind: 'single', text: '满意吗', options: ['满意', '一般', '不满意'], required: true },
    { kind: 'multiple', text: '哪些方面', options: ['产业', '生态', '文明'], required: false },
    { kind: 'text', text: '建议', options: ['ignored'], required: true },
  ]);

  it('choice questions need two distinct options; free text carries none; ids follow the order', () => {
    expect(questions.map((q) => [q.id, q.options.length])).toEqual([
      ['q1', 3],
      ['q2', 3],
      ['q3', 0],
    ]);
    expect(buildQnQuestions([{ kind: 'single', text: 'x', options: ['only'], required: true }]).errors.map((e) => e.path)).toEqual([
      'body.questions.0.options',
    ]);
  });

  it('a response answers every required question, within the options', () => {
    expect(
      checkResponse(questions, [
        { questionId: 'q1', choice: [0], text: '' },
        { questionId: 'q3', choice: [], text: '多组织活动' },
      ]),
    ).toEqual([]);
    expect(
      checkResponse(questions, [
        { questionId: 'q1', choice: [0, 1], text: '' },
        { questionId: 'q2', choice: [5], text: '' },
      ]).map((e) => e.message),
    ).toEqual(['单选题只能选一项', '所选不是该问题的选项', '第 3 题为必答题，请作答']);
  });

  it('aggregates counts per option and lists the free text', () => {
    const agg = aggregateResponses(questions, [
      {
        branchName: '樱桃沟社区',
        updatedAt: '',
        answers: [
          { questionId: 'q1', choice: [0], text: '' },
          { questionId: 'q2', choice: [0, 2], text: '' },
          { questionId: 'q3', choice: [], text: '多组织活动' },
        ],
      },
      {
        branchName: '刘庄村',
        updatedAt: '',
        answers: [
          { questionId: 'q1', choice: [0], text: '' },
          { questionId: 'q3', choice: [], text: '修路' },
        ],
      },
    ]);
    expect(agg[0].options.map((o) => o.count)).toEqual([2, 0, 0]);
    expect([agg[1].answered, agg[1].options.map((o) => o.count)]).toEqual([1, [1, 0, 1]]);
    expect(agg[2].texts).toEqual([
      { text: '多组织活动', branchName: '樱桃沟社区' },
      { text: '修路', branchName: '刘庄村' },
    ]);
  });

  it('CSV: UTF-8 with BOM, quoted where needed, formulas defused', () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    const csv = responsesCsv(
      { questions },
      [
        {
          questionnaireId: 'x',
          userId: 'u',
          name: '张书记',
          branchId: 'b',
          branchName: '樱桃沟社区',
          answers: [
            { questionId: 'q1', choice: [0], text: '' },
            { questionId: 'q2', choice: [0, 2], text: '' },
            { questionId: 'q3', choice: [], text: '第一，\n第二' },
          ],
          submittedAt: '2026-11-27T02:00:00Z',
          updatedAt: '2026-11-27T02:00:00Z',
          version: 1,
        },
      ],
      () => '11-27 10:00',
    );
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toBe(
      '填写人,支部,提交时间,1. 满意吗,2. 哪些方面,3. 建议\r\n张书记,樱桃沟社区,11-27 10:00,满意,产业；文明,"第一，\n第二"\r\n',
    );
  });
});
