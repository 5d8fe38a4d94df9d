import type { AudienceRole, FieldError, QuestionKind, TestStatus } from '@chuangxing/shared';

/** A session keeps its own copy of the questions (with the key), so bank edits never change a running test. */
export interface SessionQuestion {
  id: string;
  kind: QuestionKind;
  text: string;
  options: string[];
  answer: number[];
}

/** An 应知应会 test scheduled for roles × townships, open between two instants. */
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

/** One person's attempt at a session: its clock starts on the server. */
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
