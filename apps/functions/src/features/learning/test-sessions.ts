import type { CreateTestSessionBody, Role, TestSession } from '@chuangxing/shared';
import { forbiddenScope, invalidFields, notFound } from '../../platform/kernel/domain-error';
import { keyedId } from '../../platform/kernel/keyed-id';
import type { Principal } from '../../platform/kernel/principal';
import { type NameOf, nameResolver } from '../identity/identity.readers';
import { type AudienceMember, managedTownships, manages } from './audience';
import type { LearningPorts } from './learning.ports';
import { audienceOf } from './list-audience';
import { visibleQuestion } from './question';
import { scheduledNotices } from './test-notices';
import { type SessionQuestion, type StoredTestSession, testStatus } from './test-session';

/** The district's townships by id. */
export async function townshipNames(deps: Pick<LearningPorts, 'districtId' | 'org'>): Promise<Map<string, string>> {
  return new Map((await deps.org.listTownships(deps.districtId)).map((t) => [t.id, t.name]));
}

export function presentSession(s: StoredTestSession, now: Date, nameOf?: NameOf): TestSession {
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
    createdByName: nameOf ? nameOf(s.createdBy, s.createdByName) : s.createdByName,
    createdAt: s.createdAt,
  };
}

/** Schedule a test for roles × townships, all within the organiser's scope, from questions they can see. */
export async function createTestSession(
  deps: LearningPorts,
  principal: Principal,
  allowed: readonly Role[],
  body: CreateTestSessionBody,
): Promise<TestSession> {
  const now = deps.clock.now();
  const reach = managedTownships(deps.districtId, principal, allowed);
  const id = keyedId(deps, 'test', principal.user.id, body.key);
  const existing = await deps.learning.tests.getSession(id);
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
  const bank = new Map(
    (await deps.learning.questions.list(deps.districtId)).filter((q) => visibleQuestion(reach, q)).map((q) => [q.id, q]),
  );
  const seen = new Set<string>();
  const questions: SessionQuestion[] = [];
  body.questionIds.forEach((qid, i) => {
    const q = bank.get(qid);
    if (!q) errors.push({ path: `body.questionIds.${i}`, code: 'unknown', message: '题库中没有这道题' });
    else if (seen.has(qid)) errors.push({ path: `body.questionIds.${i}`, code: 'duplicate', message: '题目重复' });
    // The session's own copy, with the key: later bank edits never change it.
    else questions.push({ id: q.id, kind: q.kind, text: q.text, options: q.options, answer: q.answer });
    seen.add(qid);
  });
  if (errors.length) throw invalidFields('测试设置有误，请检查标出的项目', errors);
  if (!body.townshipIds.every((t) => manages(reach, t))) throw forbiddenScope();

  const organiserLabel =
    reach === 'all'
      ? `${(await deps.org.getDistrict(deps.districtId))?.name ?? '区'}委组织部`
      : [...new Set(body.townshipIds.flatMap((t) => names.get(t) ?? []))].join('、');
  const session: StoredTestSession = {
    id,
    districtId: deps.districtId,
    title: body.title,
    organiserLabel,
    townshipIds: body.townshipIds,
    roles: [...new Set(body.roles)],
    questions,
    opensAt: body.opensAt,
    closesAt: body.closesAt,
    durationMinutes: body.durationMinutes,
    maxAttempts: body.maxAttempts,
    passScore: body.passScore,
    createdAt: now.toISOString(),
    createdBy: principal.user.id,
    createdByName: principal.user.displayName,
  };
  // The audience hears of the test in the same transaction that schedules it (a large one through fan-out records).
  const audience = new Map<string, AudienceMember>();
  for (const a of await Promise.all(session.townshipIds.map((t) => audienceOf(deps, t, session.roles))))
    for (const m of a.values()) audience.set(m.userId, m);
  const notices = deps.notices.stage(scheduledNotices(session, audience.values()));
  if (await deps.learning.tests.createSession(session, notices)) await deps.notices.dispatch(notices);
  else {
    const raced = await deps.learning.tests.getSession(id);
    if (raced) return presentSession(raced, now);
  }
  return presentSession(session, now);
}

/** Sessions that reach at least one township the caller manages. */
export async function listTestSessions(deps: LearningPorts, principal: Principal, allowed: readonly Role[]) {
  const reach = managedTownships(deps.districtId, principal, allowed);
  const now = deps.clock.now();
  const sessions = (await deps.learning.tests.listSessions(deps.districtId)).filter((s) => s.townshipIds.some((t) => manages(reach, t)));
  const nameOf = await nameResolver(
    deps.people,
    sessions.map((s) => s.createdBy),
  );
  return { sessions: sessions.map((s) => presentSession(s, now, nameOf)) };
}

export async function visibleSession(
  deps: LearningPorts,
  sessionId: string,
  visible: (s: StoredTestSession) => boolean,
): Promise<StoredTestSession> {
  const s = await deps.learning.tests.getSession(sessionId);
  if (!s || s.districtId !== deps.districtId || !visible(s)) throw notFound('测试');
  return s;
}
