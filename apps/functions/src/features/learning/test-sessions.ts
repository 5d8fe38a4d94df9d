import type {
  AttemptResult,
  AudienceRole,
  CreateTestSessionBody,
  MyTest,
  ParticipationRow,
  Question,
  QuestionBody,
  Role,
  StartedAttempt,
  SubmitAttemptBody,
  TestResults,
  TestSession,
} from '@chuangxing/shared';
import type { Deps } from '../../platform/kernel/deps';
import { DomainError, forbiddenScope, invalid, notFound } from '../../platform/kernel/domain-error';
import { keyedId } from '../../platform/kernel/keyed-id';
import { activeBindings, bindingsFor, isDistrictAdmin, type Principal, reachableTownships } from '../../platform/kernel/principal';
import { shanghaiDay, shanghaiTime } from '../../platform/kernel/shanghai-time';
import type { Notification } from '../../platform/notify/notifier';
import {
  attemptDeadline,
  checkAnswers,
  isTooLate,
  normalizeQuestion,
  participation,
  type StoredAttempt,
  type StoredQuestion,
  type StoredTestResult,
  type StoredTestSession,
  scoreAttempt,
  testStatus,
} from './learning';

/* ---------- scope helpers (shared with questionnaires) ---------- */

const MANAGERS: readonly Role[] = ['district_admin', 'township_staff'];

/** The townships the caller manages through the route's manager roles: 'all' for a district admin. */
export function managedTownships(deps: Pick<Deps, 'districtId'>, principal: Principal, allowed: readonly Role[]): 'all' | Set<string> {
  const bindings = bindingsFor(
    principal,
    allowed.filter((r) => MANAGERS.includes(r)),
  ).filter((b) => (b.role === 'district_admin' ? b.scope.level === 'district' : b.scope.level === 'township'));
  return reachableTownships(bindings, deps.districtId);
}

export const manages = (reach: 'all' | Set<string>, townshipId: string) => reach === 'all' || reach.has(townshipId);

/** The branch binding through which the caller belongs to an audience (roles × townships), if any. */
export function audienceBinding(
  principal: Principal,
  allowed: readonly Role[],
  roles: readonly AudienceRole[],
  townshipIds: readonly string[],
) {
  for (const b of bindingsFor(principal, allowed)) {
    const s = b.scope;
    if (s.level === 'branch' && roles.includes(b.role as AudienceRole) && townshipIds.includes(s.townshipId))
      return { binding: b, townshipId: s.townshipId, branchId: s.branchId };
  }
  return undefined;
}

export interface AudienceMember {
  userId: string;
  name: string;
  branchId: string;
}

/**
 * The audience of one township now: active branch bindings of the roles, one entry per person (a person
 * who is both cadre and secretary counts once). One query per township.
 */
export async function audienceOf(deps: Deps, townshipId: string, roles: readonly AudienceRole[]): Promise<Map<string, AudienceMember>> {
  const out = new Map<string, AudienceMember>();
  for (const b of activeBindings(await deps.users.listBindings(deps.districtId, townshipId))) {
    const s = b.scope;
    if (s.level !== 'branch' || s.townshipId !== townshipId || !roles.includes(b.role as AudienceRole) || out.has(b.userId)) continue;
    out.set(b.userId, { userId: b.userId, name: b.holderName ?? '', branchId: s.branchId });
  }
  return out;
}

/** A stable id from the caller and their key, so a retried create lands on the same record. */

async function townshipNames(deps: Deps): Promise<Map<string, string>> {
  return new Map((await deps.org.listTownships(deps.districtId)).map((t) => [t.id, t.name]));
}

/* ---------- question bank ---------- */

const presentQuestion = (q: StoredQuestion): Question => ({
  id: q.id,
  topic: q.topic,
  kind: q.kind,
  text: q.text,
  options: q.options,
  answer: q.answer,
  ...(q.townshipId ? { townshipId: q.townshipId } : {}),
  ownerLabel: q.ownerLabel,
  createdAt: q.createdAt,
  createdByName: q.createdByName,
});

/** District-wide questions, plus township questions of the townships the caller manages. */
const visibleQuestion = (reach: 'all' | Set<string>, q: StoredQuestion) => !q.townshipId || manages(reach, q.townshipId);

export async function listQuestions(deps: Deps, principal: Principal, allowed: readonly Role[]) {
  const reach = managedTownships(deps, principal, allowed);
  const questions = (await deps.learning.listQuestions(deps.districtId))
    .filter((q) => visibleQuestion(reach, q))
    .sort((a, b) => a.topic.localeCompare(b.topic, 'zh') || a.createdAt.localeCompare(b.createdAt));
  return { questions: questions.map(presentQuestion), topics: [...new Set(questions.map((q) => q.topic))] };
}

/** District admins add district-wide questions; township staff add questions under a township they manage. */
export async function createQuestion(deps: Deps, principal: Principal, allowed: readonly Role[], body: QuestionBody): Promise<Question> {
  const reach = managedTownships(deps, principal, allowed);
  let ownerLabel: string;
  if (body.townshipId) {
    const township = await deps.org.getTownship(deps.districtId, body.townshipId);
    if (!township) throw invalid('body.townshipId', '乡镇（街道）不存在');
    if (!manages(reach, body.townshipId)) throw forbiddenScope();
    ownerLabel = township.name;
  } else {
    if (!isDistrictAdmin(principal.bindings, deps.districtId))
      throw invalid('body.townshipId', '请选择题目所属的乡镇（街道）', 'township_required');
    ownerLabel = (await deps.org.getDistrict(deps.districtId))?.name ?? '区';
  }
  const { options, answer, errors } = normalizeQuestion(body);
  if (errors.length) throw new DomainError('VALIDATION_FAILED', '题目有误，请检查标出的项目', errors);
  const q: StoredQuestion = {
    id: deps.ids.next(),
    districtId: deps.districtId,
    topic: body.topic,
    kind: body.kind,
    text: body.text,
    options,
    answer,
    ...(body.townshipId ? { townshipId: body.townshipId } : {}),
    ownerLabel,
    createdAt: deps.clock.now().toISOString(),
    createdBy: principal.user.id,
    createdByName: principal.user.displayName,
  };
  await deps.learning.putQuestion(q);
  return presentQuestion(q);
}

export async function deleteQuestion(deps: Deps, principal: Principal, allowed: readonly Role[], questionId: string) {
  const reach = managedTownships(deps, principal, allowed);
  const q = await deps.learning.getQuestion(deps.districtId, questionId);
  if (!q || !visibleQuestion(reach, q)) throw notFound('题目');
  // District questions belong to the district admins; a township's to its staff (and the district admins).
  if (!q.townshipId && reach !== 'all') throw forbiddenScope();
  await deps.learning.deleteQuestion(deps.districtId, questionId);
  return { deleted: true as const };
}

/* ---------- sessions ---------- */

export function presentSession(s: StoredTestSession, now: Date): TestSession {
  return {
    id: s.id,
    title: s.title,
    organiserLabel: s.organiserLabel,
    townshipIds: s.townshipIds,
    roles: s.roles,
    questionCount: s.questions.length,
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    durationMinutes: s.durationMinutes,
    maxAttempts: s.maxAttempts,
    passScore: s.passScore,
    status: testStatus(now, s),
    createdByName: s.createdByName,
    createdAt: s.createdAt,
  };
}

/** Schedule a test for roles × townships, all within the organiser's scope, from questions they can see. */
export async function createTestSession(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  body: CreateTestSessionBody,
): Promise<TestSession> {
  const now = deps.clock.now();
  const reach = managedTownships(deps, principal, allowed);
  const id = keyedId(deps, 'test', principal.user.id, body.key);
  const existing = await deps.learning.getSession(id);
  if (existing) return presentSession(existing, now);

  const names = await townshipNames(deps);
  const errors: { path: string; code: string; message: string }[] = [];
  body.townshipIds.forEach((t, i) => {
    if (!names.has(t)) errors.push({ path: `body.townshipIds.${i}`, code: 'unknown', message: '乡镇（街道）不存在' });
  });
  if (new Set(body.townshipIds).size !== body.townshipIds.length)
    errors.push({ path: 'body.townshipIds', code: 'duplicate', message: '乡镇（街道）重复' });
  if (Date.parse(body.closesAt) <= Date.parse(body.opensAt))
    errors.push({ path: 'body.closesAt', code: 'before_open', message: '结束时间必须晚于开始时间' });
  else if (Date.parse(body.closesAt) <= now.getTime()) errors.push({ path: 'body.closesAt', code: 'past', message: '结束时间已过' });
  const bank = new Map((await deps.learning.listQuestions(deps.districtId)).filter((q) => visibleQuestion(reach, q)).map((q) => [q.id, q]));
  const seen = new Set<string>();
  body.questionIds.forEach((qid, i) => {
    if (!bank.has(qid)) errors.push({ path: `body.questionIds.${i}`, code: 'unknown', message: '题库中没有这道题' });
    else if (seen.has(qid)) errors.push({ path: `body.questionIds.${i}`, code: 'duplicate', message: '题目重复' });
    seen.add(qid);
  });
  if (errors.length) throw new DomainError('VALIDATION_FAILED', '测试设置有误，请检查标出的项目', errors);
  if (!body.townshipIds.every((t) => manages(reach, t))) throw forbiddenScope();

  const organiserLabel =
    reach === 'all'
      ? `${(await deps.org.getDistrict(deps.districtId))?.name ?? '区'}委组织部`
      : [...new Set(body.townshipIds.map((t) => names.get(t)!))].join('、');
  const session: StoredTestSession = {
    id,
    districtId: deps.districtId,
    title: body.title,
    organiserLabel,
    townshipIds: body.townshipIds,
    roles: [...new Set(body.roles)],
    questions: body.questionIds.map((qid) => {
      const q = bank.get(qid)!;
      return { id: q.id, kind: q.kind, text: q.text, options: q.options, answer: q.answer };
    }),
    opensAt: body.opensAt,
    closesAt: body.closesAt,
    durationMinutes: body.durationMinutes,
    maxAttempts: body.maxAttempts,
    passScore: body.passScore,
    createdAt: now.toISOString(),
    createdBy: principal.user.id,
    createdByName: principal.user.displayName,
  };
  if (!(await deps.learning.createSession(session))) {
    const raced = await deps.learning.getSession(id);
    if (raced) return presentSession(raced, now);
  }
  return presentSession(session, now);
}

/** Sessions that reach at least one township the caller manages. */
export async function listTestSessions(deps: Deps, principal: Principal, allowed: readonly Role[]) {
  const reach = managedTownships(deps, principal, allowed);
  const now = deps.clock.now();
  const sessions = (await deps.learning.listSessions(deps.districtId)).filter((s) => s.townshipIds.some((t) => manages(reach, t)));
  return { sessions: sessions.map((s) => presentSession(s, now)) };
}

async function visibleSession(deps: Deps, sessionId: string, visible: (s: StoredTestSession) => boolean): Promise<StoredTestSession> {
  const s = await deps.learning.getSession(sessionId);
  if (!s || s.districtId !== deps.districtId || !visible(s)) throw notFound('测试');
  return s;
}

/* ---------- taking a test ---------- */

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

export async function listMyTests(deps: Deps, principal: Principal, allowed: readonly Role[]): Promise<{ tests: MyTest[] }> {
  const now = deps.clock.now();
  const sessions = (await deps.learning.listSessions(deps.districtId)).filter((s) =>
    audienceBinding(principal, allowed, s.roles, s.townshipIds),
  );
  const attempts = await Promise.all(sessions.map((s) => deps.learning.attemptsOf(s.id, principal.user.id)));
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
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  sessionId: string,
  key: string,
): Promise<StartedAttempt> {
  const s = await visibleSession(deps, sessionId, (x) => Boolean(audienceBinding(principal, allowed, x.roles, x.townshipIds)));
  const now = deps.clock.now();
  const attempts = await deps.learning.attemptsOf(s.id, principal.user.id);
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
    await deps.learning.putAttempt(attempt);
  } catch (err) {
    // A concurrent start with the same key won the slot: answer with that attempt.
    const again = (await deps.learning.attemptsOf(s.id, principal.user.id)).find((a) => a.key === key);
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
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  sessionId: string,
  attemptNo: number,
  body: SubmitAttemptBody,
): Promise<AttemptResult> {
  const member = (x: StoredTestSession) => audienceBinding(principal, allowed, x.roles, x.townshipIds);
  const s = await visibleSession(deps, sessionId, (x) => Boolean(member(x)));
  const now = deps.clock.now();
  const attempts = await deps.learning.attemptsOf(s.id, principal.user.id);
  const attempt = attempts.find((a) => a.attemptNo === attemptNo);
  if (!attempt) throw notFound('作答记录');
  if (attempt.status === 'submitted') return resultOf(s, attempt, attempts.length, now);
  const errors = checkAnswers(s.questions, body.answers);
  if (errors.length) throw new DomainError('VALIDATION_FAILED', '答案有误', errors);
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
  const previous = await deps.learning.getResult(s.id, principal.user.id);
  const where = member(s)!;
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
    await deps.learning.submitAttempt(done, result, previous?.attempts ?? 0);
  } catch (err) {
    // A concurrent retry of the same submission won: answer with what it stored.
    const stored = (await deps.learning.attemptsOf(s.id, principal.user.id)).find((a) => a.attemptNo === attemptNo);
    if (stored?.status === 'submitted') return resultOf(s, stored, attempts.length, now);
    throw err;
  }
  return resultOf(s, done, attempts.length, now);
}

/* ---------- results and reminders ---------- */

/** The session's townships the caller may see results for (a township's staff: only their own). */
async function resultScope(deps: Deps, principal: Principal, allowed: readonly Role[], sessionId: string) {
  const reach = managedTownships(deps, principal, allowed);
  const s = await visibleSession(deps, sessionId, (x) => x.townshipIds.some((t) => manages(reach, t)));
  return { s, townshipIds: s.townshipIds.filter((t) => manages(reach, t)) };
}

/**
 * 参考率 and scores by township. The denominator is the audience as it is when the results are read
 * (current active bindings of the roles), so a cadre bound after scheduling counts and one revoked does not.
 */
export async function getTestResults(deps: Deps, principal: Principal, allowed: readonly Role[], sessionId: string): Promise<TestResults> {
  const { s, townshipIds } = await resultScope(deps, principal, allowed, sessionId);
  const now = deps.clock.now();
  const [names, results, audiences, branchLists] = await Promise.all([
    townshipNames(deps),
    deps.learning.listResults(s.id),
    Promise.all(townshipIds.map((t) => audienceOf(deps, t, s.roles))),
    Promise.all(townshipIds.map((t) => deps.org.listBranches(t))),
  ]);
  const branchName = new Map(branchLists.flat().map((b) => [b.id, b.name]));
  const byUser = new Map(results.map((r) => [r.userId, r]));
  const rows: ParticipationRow[] = townshipIds.map((t, i) => ({
    townshipId: t,
    name: names.get(t) ?? t,
    ...participation(
      new Set(audiences[i].keys()),
      results.filter((r) => r.townshipId === t),
      s.passScore,
    ),
  }));
  const everyone = new Set(audiences.flatMap((a) => [...a.keys()]));
  const totals: ParticipationRow = {
    townshipId: 'all',
    name: '合计',
    ...participation(
      everyone,
      results.filter((r) => townshipIds.includes(r.townshipId)),
      s.passScore,
    ),
  };
  const people = townshipIds.flatMap((t, i) =>
    [...audiences[i].values()].map((m) => {
      const r = byUser.get(m.userId);
      return {
        userId: m.userId,
        name: m.name || r?.name || '',
        branchName: branchName.get(m.branchId) ?? '',
        townshipId: t,
        ...(r ? { score: r.bestScore } : {}),
        attempts: r?.attempts ?? 0,
      };
    }),
  );
  people.sort((a, b) => Number(a.score !== undefined) - Number(b.score !== undefined) || a.branchName.localeCompare(b.branchName, 'zh'));
  return { session: presentSession(s, now), townships: rows, totals, people };
}

export function testTakePage(sessionId: string): string {
  return `subpackages/learn/pages/take/index?id=${encodeURIComponent(sessionId)}`;
}

/** 提醒未参考: one message to each audience member of the caller's townships who has no submitted attempt. */
export async function remindTestMissing(deps: Deps, principal: Principal, allowed: readonly Role[], sessionId: string) {
  const { s, townshipIds } = await resultScope(deps, principal, allowed, sessionId);
  const now = deps.clock.now();
  if (testStatus(now, s) === 'closed') throw new DomainError('ILLEGAL_TRANSITION', '测试已结束，无需提醒');
  const [results, audiences] = await Promise.all([
    deps.learning.listResults(s.id),
    Promise.all(townshipIds.map((t) => audienceOf(deps, t, s.roles))),
  ]);
  const taken = new Set(results.map((r) => r.userId));
  const missing = new Map<string, { userId: string; name: string }>();
  for (const a of audiences) for (const m of a.values()) if (!taken.has(m.userId)) missing.set(m.userId, m);
  const day = shanghaiDay(new Date(s.closesAt));
  const until = `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日${shanghaiTime(new Date(s.closesAt))}`;
  const messages: Notification[] = [...missing.values()].map((m) => ({
    recipientUserId: m.userId,
    recipientName: m.name,
    title: '应知应会测试提醒',
    // The deadline first: a WeChat template field keeps only 20 characters.
    body: `请于${until}前完成测试“${s.title}”`,
    page: testTakePage(s.id),
  }));
  const { sent } = messages.length ? await deps.notifier.send(messages) : { sent: 0 };
  return { missing: missing.size, recipients: sent };
}
