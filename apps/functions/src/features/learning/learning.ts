import {
  type AudienceRole,
  type FieldError,
  JUDGE_OPTIONS,
  type QnAnswer,
  type QnQuestion,
  type QnQuestionBody,
  type QuestionBody,
  type QuestionKind,
  SCORE_BUCKETS,
  type TestStatus,
} from '@chuangxing/shared';

/* ---------- stored shapes ---------- */

export interface StoredQuestion {
  id: string;
  districtId: string;
  topic: string;
  kind: QuestionKind;
  text: string;
  options: string[];
  /** Indices of the correct options (sorted). The answer key: never sent to a taker. */
  answer: number[];
  /** Set for a township's own questions; absent for district-wide ones. */
  townshipId?: string;
  ownerLabel: string;
  createdAt: string;
  createdBy: string;
  createdByName: string;
}

/** A session keeps its own copy of the questions (with the key), so bank edits never change a running test. */
export interface SessionQuestion {
  id: string;
  kind: QuestionKind;
  text: string;
  options: string[];
  answer: number[];
}

export interface StoredTestSession {
  id: string;
  districtId: string;
  title: string;
  organiserLabel: string;
  townshipIds: string[];
  roles: AudienceRole[];
  questions: SessionQuestion[];
  opensAt: string;
  closesAt: string;
  durationMinutes: number;
  maxAttempts: number;
  passScore: number;
  createdAt: string;
  createdBy: string;
  createdByName: string;
}

export interface StoredAttempt {
  sessionId: string;
  userId: string;
  attemptNo: number;
  /** The client's key: a retried start returns this attempt. */
  key: string;
  startedAt: string;
  deadline: string;
  status: 'started' | 'submitted';
  submittedAt?: string;
  answers?: { questionId: string; choice: number[] }[];
  score?: number;
  correctCount?: number;
  total: number;
}

/** One row per taker and session: best score and attempts, for the results page (one query per session). */
export interface StoredTestResult {
  sessionId: string;
  userId: string;
  townshipId: string;
  branchId: string;
  name: string;
  bestScore: number;
  attempts: number;
  lastSubmittedAt: string;
}

/* ---------- questions ---------- */

/**
 * The options and answer key as stored: 判断题 always get 正确 / 错误; answers are de-duplicated and sorted.
 * Returns field errors for a key that does not fit the options.
 */
export function normalizeQuestion(body: QuestionBody): { options: string[]; answer: number[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const options = body.kind === 'judge' ? [...JUDGE_OPTIONS] : body.options;
  const answer = [...new Set(body.answer)].sort((a, b) => a - b);
  if (body.kind !== 'judge' && options.length < 2)
    errors.push({ path: 'body.options', code: 'too_few_options', message: '至少需要 2 个选项' });
  if (new Set(options).size !== options.length) errors.push({ path: 'body.options', code: 'duplicate_option', message: '选项不能重复' });
  if (answer.some((i) => i >= options.length))
    errors.push({ path: 'body.answer', code: 'answer_out_of_range', message: '正确答案必须是已有的选项' });
  else if (body.kind !== 'multiple' && answer.length !== 1)
    errors.push({ path: 'body.answer', code: 'one_answer', message: '单选题和判断题只能有一个正确答案' });
  return { options, answer, errors };
}

/* ---------- sessions and attempts ---------- */

/** A submission this long after the deadline is still accepted: the client auto-submits at 0 and the network is slow. */
export const SUBMIT_GRACE_SECONDS = 30;

export function testStatus(now: Date, s: Pick<StoredTestSession, 'opensAt' | 'closesAt'>): TestStatus {
  const t = now.getTime();
  if (t < Date.parse(s.opensAt)) return 'upcoming';
  return t < Date.parse(s.closesAt) ? 'open' : 'closed';
}

/** startedAt + duration, but never after the session closes. */
export function attemptDeadline(startedAt: Date, durationMinutes: number, closesAt: string): string {
  return new Date(Math.min(startedAt.getTime() + durationMinutes * 60_000, Date.parse(closesAt))).toISOString();
}

/** Submissions later than the deadline plus the grace are refused (not scored as if sent at the limit). */
export function isTooLate(now: Date, deadline: string): boolean {
  return now.getTime() > Date.parse(deadline) + SUBMIT_GRACE_SECONDS * 1000;
}

export interface Scored {
  correctCount: number;
  total: number;
  /** 0–100, rounded: every question weighs the same. */
  score: number;
  perQuestion: { questionId: string; chosen: number[]; correct: boolean }[];
}

/** A question is right when the chosen set equals the key exactly (多选: no partial credit). Unanswered is wrong. */
export function scoreAttempt(
  questions: Pick<SessionQuestion, 'id' | 'answer'>[],
  answers: { questionId: string; choice: number[] }[],
): Scored {
  const chosenBy = new Map(answers.map((a) => [a.questionId, [...new Set(a.choice)].sort((x, y) => x - y)]));
  const perQuestion = questions.map((q) => {
    const chosen = chosenBy.get(q.id) ?? [];
    const key = [...q.answer].sort((x, y) => x - y);
    return { questionId: q.id, chosen, correct: chosen.length === key.length && chosen.every((c, i) => c === key[i]) };
  });
  const correctCount = perQuestion.filter((p) => p.correct).length;
  const total = questions.length;
  return { correctCount, total, score: total === 0 ? 0 : Math.round((correctCount * 100) / total), perQuestion };
}

/** Answers must name questions of the session, once each, with choices among its options. */
export function checkAnswers(questions: SessionQuestion[], answers: { questionId: string; choice: number[] }[]): FieldError[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  answers.forEach((a, i) => {
    const q = byId.get(a.questionId);
    if (!q) errors.push({ path: `body.answers.${i}.questionId`, code: 'unknown_question', message: '该题不在本次测试中' });
    else if (seen.has(a.questionId))
      errors.push({ path: `body.answers.${i}.questionId`, code: 'duplicate', message: '同一道题只能作答一次' });
    else if (a.choice.some((c) => c >= q.options.length))
      errors.push({ path: `body.answers.${i}.choice`, code: 'out_of_range', message: '所选答案不是该题的选项' });
    else if (q.kind !== 'multiple' && a.choice.length > 1)
      errors.push({ path: `body.answers.${i}.choice`, code: 'one_choice', message: '该题只能选一个答案' });
    seen.add(a.questionId);
  });
  return errors;
}

export function histogram(scores: number[]): { label: string; count: number }[] {
  return SCORE_BUCKETS.map((b) => ({ label: b.label, count: scores.filter((s) => s >= b.min && s <= b.max).length }));
}

/**
 * 参考率 of one group: `audience` are the people in the audience when the results are read; only their
 * results count (someone who took the test and has since left the role is not in the denominator either).
 */
export function participation(audience: Set<string>, results: Pick<StoredTestResult, 'userId' | 'bestScore'>[], passScore: number) {
  const taken = results.filter((r) => audience.has(r.userId));
  const scores = taken.map((r) => r.bestScore);
  return {
    audience: audience.size,
    taken: taken.length,
    rate: audience.size === 0 ? 0 : taken.length / audience.size,
    ...(scores.length ? { average: Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 } : {}),
    passed: scores.filter((s) => s >= passScore).length,
    histogram: histogram(scores),
  };
}

/* ---------- questionnaires ---------- */

export interface StoredQuestionnaire {
  id: string;
  districtId: string;
  townshipId: string;
  townshipName: string;
  title: string;
  intro: string;
  roles: AudienceRole[];
  questions: QnQuestion[];
  closesAt: string;
  closedAt?: string;
  createdAt: string;
  createdBy: string;
  createdByName: string;
  /** First responses, counted in the same transaction as each (absent until the first one). */
  responseCount?: number;
}

export interface StoredResponse {
  questionnaireId: string;
  userId: string;
  name: string;
  branchId: string;
  branchName: string;
  answers: QnAnswer[];
  submittedAt: string;
  updatedAt: string;
  version: number;
}

export function questionnaireOpen(now: Date, q: Pick<StoredQuestionnaire, 'closesAt' | 'closedAt'>): boolean {
  return !q.closedAt && now.getTime() < Date.parse(q.closesAt);
}

/** Choice questions need 2–8 distinct options; free-text questions carry none. Ids are q1, q2, … in order. */
export function buildQnQuestions(bodies: QnQuestionBody[]): { questions: QnQuestion[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const questions = bodies.map((b, i): QnQuestion => {
    if (b.kind !== 'text') {
      if (b.options.length < 2)
        errors.push({ path: `body.questions.${i}.options`, code: 'too_few_options', message: '选择题至少需要 2 个选项' });
      else if (new Set(b.options).size !== b.options.length)
        errors.push({ path: `body.questions.${i}.options`, code: 'duplicate_option', message: '选项不能重复' });
    }
    return { id: `q${i + 1}`, kind: b.kind, text: b.text, options: b.kind === 'text' ? [] : b.options, required: b.required };
  });
  return { questions, errors };
}

/** A response names each question at most once, chooses among its options, and answers every required one. */
export function checkResponse(questions: QnQuestion[], answers: QnAnswer[]): FieldError[] {
  const errors: FieldError[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const given = new Map<string, QnAnswer>();
  answers.forEach((a, i) => {
    const q = byId.get(a.questionId);
    if (!q) return errors.push({ path: `body.answers.${i}.questionId`, code: 'unknown_question', message: '问卷中没有这个问题' });
    if (given.has(a.questionId))
      return errors.push({ path: `body.answers.${i}.questionId`, code: 'duplicate', message: '同一个问题只能回答一次' });
    given.set(a.questionId, a);
    if (q.kind === 'text') {
      if (a.choice.length) errors.push({ path: `body.answers.${i}.choice`, code: 'no_choice', message: '填空题不需要选择' });
    } else {
      if (a.text) errors.push({ path: `body.answers.${i}.text`, code: 'no_text', message: '选择题不需要填写文字' });
      if (a.choice.some((c) => c >= q.options.length))
        errors.push({ path: `body.answers.${i}.choice`, code: 'out_of_range', message: '所选不是该问题的选项' });
      else if (new Set(a.choice).size !== a.choice.length)
        errors.push({ path: `body.answers.${i}.choice`, code: 'duplicate', message: '选项不能重复' });
      else if (q.kind === 'single' && a.choice.length > 1)
        errors.push({ path: `body.answers.${i}.choice`, code: 'one_choice', message: '单选题只能选一项' });
    }
    return undefined;
  });
  questions.forEach((q, n) => {
    if (!q.required) return;
    const a = given.get(q.id);
    const empty = !a || (q.kind === 'text' ? !a.text : a.choice.length === 0);
    if (empty) errors.push({ path: 'body.answers', code: 'required', message: `第 ${n + 1} 题为必答题，请作答` });
  });
  return errors;
}

export function aggregateResponses(questions: QnQuestion[], responses: Pick<StoredResponse, 'answers' | 'branchName' | 'updatedAt'>[]) {
  return questions.map((q) => {
    const answers = responses.flatMap((r) => r.answers.filter((a) => a.questionId === q.id).map((a) => ({ a, r })));
    const options = q.options.map((label, i) => ({ label, count: answers.filter(({ a }) => a.choice.includes(i)).length }));
    const texts =
      q.kind === 'text' ? answers.filter(({ a }) => a.text).map(({ a, r }) => ({ text: a.text, branchName: r.branchName })) : [];
    const answered = answers.filter(({ a }) => (q.kind === 'text' ? Boolean(a.text) : a.choice.length > 0)).length;
    return { questionId: q.id, kind: q.kind, text: q.text, answered, options, texts };
  });
}

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet never runs it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One row per response: who, branch, when, then one column per question (choices joined with ；). Starts with
 * a byte order mark, so that the UTF-8 bytes open in Excel with the Chinese intact.
 */
export function responsesCsv(
  q: Pick<StoredQuestionnaire, 'questions'>,
  responses: StoredResponse[],
  formatTime: (iso: string) => string,
): string {
  const header = ['填写人', '支部', '提交时间', ...q.questions.map((x, i) => `${i + 1}. ${x.text}`)];
  const rows = responses.map((r) => {
    const by = new Map(r.answers.map((a) => [a.questionId, a]));
    return [
      r.name,
      r.branchName,
      formatTime(r.updatedAt),
      ...q.questions.map((x) => {
        const a = by.get(x.id);
        if (!a) return '';
        return x.kind === 'text' ? a.text : a.choice.map((c) => x.options[c]).join('；');
      }),
    ];
  });
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
