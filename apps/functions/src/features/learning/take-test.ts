import type { AttemptResult, MyTest, Role, StartedAttempt, SubmitAttemptBody } from '@chuangxing/shared';
import { DomainError, invalidFields, notFound } from '../../platform/kernel/domain-error';
import type { Principal } from '../../platform/kernel/principal';
import { audienceBinding } from './audience';
import type { LearningPorts } from './learning.ports';
import type { StoredTestResult } from './test-result';
import {
  attemptDeadline,
  checkAnswers,
  isTooLate,
  type StoredAttempt,
  type StoredTestSession,
  scoreAttempt,
  testStatus,
} from './test-session';
import { presentSession, visibleSession } from './test-sessions';

function summarize(s: StoredTestSession, attempts: StoredAttempt[], now: Date): MyTest {
  const submitted = attempts.filter((a) => a.status === 'submitted');
  const live = attempts.find((a) => a.status === 'started' && !isTooLate(now, a.deadline));
  const status = testStatus(now, s);
  return {
    session: presentSession(s, now),
    attemptsUsed: attempts.length,
    ...(submitted.length ? { bestScore: Math.max(...submitted.map((a) => a.score ?? 0)) } : {}),
    ...(live ? { inProgress: { attemptNo: live.attemptNo, deadline: live.deadline } } : {}),
    canStart: status === 'open' && (Boolean(live) || attempts.length < s.maxAttempts),
  };
}

export async function listMyTests(deps: LearningPorts, principal: Principal, allowed: readonly Role[]): Promise<{ tests: MyTest[] }> {
  const now = deps.clock.now();
  const sessions = (await deps.learning.tests.listSessions(deps.districtId)).filter((s) =>
    audienceBinding(principal, allowed, s.roles, s.townshipIds),
  );
  const attempts = await Promise.all(sessions.map((s) => deps.learning.tests.attemptsOf(s.id, principal.user.id)));
  const tests = sessions.map((s, i) => summarize(s, attempts[i], now));
  // Open ones first (closing soonest first), then upcoming, then closed (newest first).
  const rank = { open: 0, upcoming: 1, closed: 2 } as const;
  tests.sort(
    (a, b) =>
      rank[a.session.status] - rank[b.session.status] ||
      (a.session.status === 'closed'
        ? b.session.closesAt.localeCompare(a.session.closesAt)
        : a.session.closesAt.localeCompare(b.session.closesAt)),
  );
  return { tests };
}

const started = (s: StoredTestSession, a: StoredAttempt, now: Date): StartedAttempt => ({
  sessionId: s.id,
  attemptNo: a.attemptNo,
  title: s.title,
  startedAt: a.startedAt,
  deadline: a.deadline,
  serverNow: now.toISOString(),
  // Explicitly picked fields: the answer key never leaves the server before submission.
  questions: s.questions.map((q) => ({ id: q.id, kind: q.kind, text: q.text, options: q.options })),
});

/**
 * Starts an attempt, recording startedAt on the server. A retry with the same key, or a new start while an
 * attempt is still running, returns that attempt (its clock keeps running); otherwise maxAttempts applies.
 */
export async function startAttempt(
  deps: LearningPorts,
  principal: Principal,
  allowed: readonly Role[],
  sessionId: string,
  key: string,
): Promise<StartedAttempt> {
  const s = await visibleSession(deps, sessionId, (x) => Boolean(audienceBinding(principal, allowed, x.roles, x.townshipIds)));
  const now = deps.clock.now();
  const attempts = await deps.learning.tests.attemptsOf(s.id, principal.user.id);
  const same = attempts.find((a) => a.key === key) ?? attempts.find((a) => a.status === 'started' && !isTooLate(now, a.deadline));
  if (same) return started(s, same, now);
  const status = testStatus(now, s);
  if (status !== 'open') throw new DomainError('ILLEGAL_TRANSITION', status === 'upcoming' ? '测试尚未开始' : '测试已结束');
  if (attempts.length >= s.maxAttempts) throw new DomainError('CONFLICT', `已用完 ${s.maxAttempts} 次参考机会`);
  const attempt: StoredAttempt = {
    sessionId: s.id,
    userId: principal.user.id,
    attemptNo: attempts.length + 1,
    key,
    startedAt: now.toISOString(),
    deadline: attemptDeadline(now, s.durationMinutes, s.closesAt),
    status: 'started',
    total: s.questions.length,
  };
  try {
    await deps.learning.tests.putAttempt(attempt);
  } catch (err) {
    // A concurrent start with the same key won the slot: answer with that attempt.
    const again = (await deps.learning.tests.attemptsOf(s.id, principal.user.id)).find((a) => a.key === key);
    if (again) return started(s, again, now);
    throw err;
  }
  return started(s, attempt, now);
}

function resultOf(s: StoredTestSession, a: StoredAttempt, attemptsUsed: number, now: Date): AttemptResult {
  const attemptsLeft = Math.max(0, s.maxAttempts - attemptsUsed);
  const reveal = attemptsLeft === 0 || testStatus(now, s) === 'closed';
  const scored = scoreAttempt(s.questions, a.answers ?? []);
  return {
    sessionId: s.id,
    attemptNo: a.attemptNo,
    score: a.score ?? 0,
    correctCount: a.correctCount ?? 0,
    total: a.total,
    passed: (a.score ?? 0) >= s.passScore,
    submittedAt: a.submittedAt ?? now.toISOString(),
    attemptsLeft,
    ...(reveal
      ? {
          review: s.questions.map((q, i) => ({
            questionId: q.id,
            text: q.text,
            options: q.options,
            chosen: scored.perQuestion[i].chosen,
            answer: q.answer,
            correct: scored.perQuestion[i].correct,
          })),
        }
      : {}),
  };
}

/**
 * Scores on the server. Refused with TIME_UP after the deadline plus the grace; a retried submission of an
 * attempt already submitted returns its stored result (the first answers count).
 */
export async function submitAttempt(
  deps: LearningPorts,
  principal: Principal,
  allowed: readonly Role[],
  sessionId: string,
  attemptNo: number,
  body: SubmitAttemptBody,
): Promise<AttemptResult> {
  const member = (x: StoredTestSession) => audienceBinding(principal, allowed, x.roles, x.townshipIds);
  const s = await visibleSession(deps, sessionId, (x) => Boolean(member(x)));
  // The branch binding the caller takes the test through (the session is visible because there is one).
  const where = member(s);
  if (!where) throw notFound('测试');
  const now = deps.clock.now();
  const attempts = await deps.learning.tests.attemptsOf(s.id, principal.user.id);
  const attempt = attempts.find((a) => a.attemptNo === attemptNo);
  if (!attempt) throw notFound('作答记录');
  if (attempt.status === 'submitted') return resultOf(s, attempt, attempts.length, now);
  const errors = checkAnswers(s.questions, body.answers);
  if (errors.length) throw invalidFields('答案有误', errors);
  if (isTooLate(now, attempt.deadline)) throw new DomainError('TIME_UP', '作答时间已到，本次提交未被接受');

  const scored = scoreAttempt(s.questions, body.answers);
  const done: StoredAttempt = {
    ...attempt,
    status: 'submitted',
    submittedAt: now.toISOString(),
    answers: body.answers.map((a) => ({ questionId: a.questionId, choice: [...new Set(a.choice)].sort((x, y) => x - y) })),
    score: scored.score,
    correctCount: scored.correctCount,
  };
  const previous = await deps.learning.tests.getResult(s.id, principal.user.id);
  const result: StoredTestResult = {
    sessionId: s.id,
    userId: principal.user.id,
    townshipId: where.townshipId,
    branchId: where.branchId,
    name: where.binding.holderName ?? principal.user.displayName,
    bestScore: Math.max(previous?.bestScore ?? 0, scored.score),
    attempts: (previous?.attempts ?? 0) + 1,
    lastSubmittedAt: now.toISOString(),
  };
  try {
    await deps.learning.tests.submitAttempt(done, result, previous?.attempts ?? 0);
  } catch (err) {
    // A concurrent retry of the same submission won: answer with what it stored.
    const stored = (await deps.learning.tests.attemptsOf(s.id, principal.user.id)).find((a) => a.attemptNo === attemptNo);
    if (stored?.status === 'submitted') return resultOf(s, stored, attempts.length, now);
    throw err;
  }
  return resultOf(s, done, attempts.length, now);
}
