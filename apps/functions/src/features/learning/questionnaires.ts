import type { CreateQuestionnaireBody, Questionnaire, QuestionnaireDetail, ResponseBody, Role } from '@chuangxing/shared';
import { DomainError, forbiddenScope, invalidFields, notFound, unknownReference } from '../../platform/kernel/domain-error';
import { keyedId } from '../../platform/kernel/keyed-id';
import { bindingsFor, type Principal } from '../../platform/kernel/principal';
import { type NameOf, nameResolver } from '../identity/identity.readers';
import { audienceBinding, managedTownships, manages } from './audience';
import type { LearningPorts } from './learning.ports';
import { buildQnQuestions, checkResponse, questionnaireOpen, type StoredQuestionnaire, type StoredResponse } from './questionnaire';

const RESPONDER_ROLES: readonly Role[] = ['cadre', 'secretary'];

export function presentQuestionnaire(q: StoredQuestionnaire, now: Date, nameOf?: NameOf): Questionnaire {
  return {
    id: q.id,
    townshipId: q.townshipId,
    townshipName: q.townshipName,
    title: q.title,
    intro: q.intro,
    roles: q.roles,
    questions: q.questions,
    closesAt: q.closesAt,
    status: questionnaireOpen(now, q) ? 'open' : 'closed',
    createdByName: nameOf ? nameOf(q.createdBy, q.createdByName) : q.createdByName,
    createdAt: q.createdAt,
  };
}

const respondent = (principal: Principal, allowed: readonly Role[], q: StoredQuestionnaire) =>
  audienceBinding(
    principal,
    allowed.filter((r) => RESPONDER_ROLES.includes(r)),
    q.roles,
    [q.townshipId],
  );

/** A township's staff (or a district admin) send a questionnaire to the cadres of that township's branches. */
export async function createQuestionnaire(
  deps: LearningPorts,
  principal: Principal,
  allowed: readonly Role[],
  body: CreateQuestionnaireBody,
): Promise<QuestionnaireDetail> {
  const now = deps.clock.now();
  const id = keyedId(deps, 'qn', principal.user.id, body.key);
  const existing = await deps.learning.questionnaires.get(id);
  if (existing) return { questionnaire: presentQuestionnaire(existing, now), canAnswer: false, isOrganiser: true };
  const township = await deps.org.getTownship(deps.districtId, body.townshipId);
  if (!township) throw unknownReference('body.townshipId', '乡镇（街道）不存在');
  const { questions, errors } = buildQnQuestions(body.questions);
  if (Date.parse(body.closesAt) <= now.getTime()) errors.push({ path: 'body.closesAt', code: 'past', message: '截止时间必须晚于现在' });
  if (errors.length) throw invalidFields('问卷有误，请检查标出的项目', errors);
  if (!manages(managedTownships(deps.districtId, principal, allowed), body.townshipId)) throw forbiddenScope();
  const q: StoredQuestionnaire = {
    id,
    districtId: deps.districtId,
    townshipId: township.id,
    townshipName: township.name,
    title: body.title,
    intro: body.intro,
    roles: [...new Set(body.roles)],
    questions,
    closesAt: body.closesAt,
    createdAt: now.toISOString(),
    createdBy: principal.user.id,
    createdByName: principal.user.displayName,
  };
  if (!(await deps.learning.questionnaires.create(q))) {
    const raced = await deps.learning.questionnaires.get(id);
    if (raced) return { questionnaire: presentQuestionnaire(raced, now), canAnswer: false, isOrganiser: true };
  }
  return { questionnaire: presentQuestionnaire(q, now), canAnswer: false, isOrganiser: true };
}

/** The questionnaires of the townships the caller manages, and those addressed to the caller's branch roles. */
export async function listQuestionnaires(deps: LearningPorts, principal: Principal, allowed: readonly Role[]) {
  const now = deps.clock.now();
  const reach = managedTownships(deps.districtId, principal, allowed);
  const managed = reach === 'all' ? (await deps.org.listTownships(deps.districtId)).map((t) => t.id) : [...reach];
  const answerTownships = new Set(
    bindingsFor(
      principal,
      allowed.filter((r) => RESPONDER_ROLES.includes(r)),
    ).flatMap((b) => (b.scope.level === 'branch' ? [b.scope.townshipId] : [])),
  );
  const [organisedLists, answerLists] = await Promise.all([
    Promise.all(managed.map((t) => deps.learning.questionnaires.list(t))),
    Promise.all([...answerTownships].map((t) => deps.learning.questionnaires.list(t))),
  ]);
  const organised = organisedLists.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const addressed = answerLists.flat().filter((q) => respondent(principal, allowed, q));
  const mine = await Promise.all(addressed.map((q) => deps.learning.questionnaires.getResponse(q.id, principal.user.id)));
  const nameOf = await nameResolver(
    deps.people,
    [...organised, ...addressed].map((q) => q.createdBy),
  );
  return {
    organised: organised.map((q) => ({ questionnaire: presentQuestionnaire(q, now, nameOf), responses: q.responseCount ?? 0 })),
    toAnswer: addressed.map((q, i) => ({ questionnaire: presentQuestionnaire(q, now, nameOf), answered: Boolean(mine[i]) })),
  };
}

/** Organisers (the township's managers) and the audience see it; nobody else learns it exists. */
async function visible(deps: LearningPorts, principal: Principal, allowed: readonly Role[], id: string) {
  const q = await deps.learning.questionnaires.get(id);
  if (!q || q.districtId !== deps.districtId) throw notFound('问卷');
  const isOrganiser = manages(managedTownships(deps.districtId, principal, allowed), q.townshipId);
  const member = respondent(principal, allowed, q);
  if (!isOrganiser && !member) throw notFound('问卷');
  return { q, isOrganiser, member };
}

async function detail(
  deps: LearningPorts,
  principal: Principal,
  q: StoredQuestionnaire,
  isOrganiser: boolean,
  member: boolean,
): Promise<QuestionnaireDetail> {
  const now = deps.clock.now();
  const mine = member ? await deps.learning.questionnaires.getResponse(q.id, principal.user.id) : undefined;
  return {
    questionnaire: presentQuestionnaire(q, now, await nameResolver(deps.people, [q.createdBy])),
    ...(mine ? { myResponse: { answers: mine.answers, submittedAt: mine.submittedAt, updatedAt: mine.updatedAt } } : {}),
    canAnswer: member && questionnaireOpen(now, q),
    isOrganiser,
  };
}

export async function getQuestionnaire(deps: LearningPorts, principal: Principal, allowed: readonly Role[], id: string) {
  const { q, isOrganiser, member } = await visible(deps, principal, allowed, id);
  return detail(deps, principal, q, isOrganiser, Boolean(member));
}

/** One response per person, replaced on edit until the questionnaire closes. */
export async function putResponse(
  deps: LearningPorts,
  principal: Principal,
  allowed: readonly Role[],
  id: string,
  body: ResponseBody,
): Promise<QuestionnaireDetail> {
  const { q, isOrganiser, member } = await visible(deps, principal, allowed, id);
  if (!member) throw notFound('问卷');
  const errors = checkResponse(q.questions, body.answers);
  if (errors.length) throw invalidFields('答卷有误，请检查标出的问题', errors);
  const now = deps.clock.now();
  if (!questionnaireOpen(now, q)) throw new DomainError('ILLEGAL_TRANSITION', '问卷已截止，不能再提交或修改');
  const previous = await deps.learning.questionnaires.getResponse(q.id, principal.user.id);
  const branch = await deps.org.getBranch(member.branchId);
  const r: StoredResponse = {
    questionnaireId: q.id,
    userId: principal.user.id,
    name: member.binding.holderName ?? principal.user.displayName,
    branchId: member.branchId,
    branchName: branch?.name ?? '',
    answers: body.answers,
    submittedAt: previous?.submittedAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
    version: (previous?.version ?? 0) + 1,
  };
  await deps.learning.questionnaires.putResponse(r, previous?.version ?? 0);
  return detail(deps, principal, q, isOrganiser, true);
}

/** A questionnaire the caller organises (its township's managers); to anyone else it does not exist. */
export async function organisedQuestionnaire(deps: LearningPorts, principal: Principal, allowed: readonly Role[], id: string) {
  const { q, isOrganiser } = await visible(deps, principal, allowed, id);
  if (!isOrganiser) throw notFound('问卷');
  return q;
}

export async function closeQuestionnaire(deps: LearningPorts, principal: Principal, allowed: readonly Role[], id: string) {
  const q = await organisedQuestionnaire(deps, principal, allowed, id);
  const now = deps.clock.now();
  if (!questionnaireOpen(now, q)) throw new DomainError('ILLEGAL_TRANSITION', '问卷已截止');
  await deps.learning.questionnaires.close(q.id, now.toISOString());
  return detail(deps, principal, { ...q, closedAt: now.toISOString() }, true, false);
}
