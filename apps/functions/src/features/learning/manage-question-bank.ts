import type { Question, QuestionBody, Role } from '@chuangxing/shared';
import { forbiddenScope, invalid, invalidFields, notFound, unknownReference } from '../../platform/kernel/domain-error';
import { isDistrictAdmin, type Principal } from '../../platform/kernel/principal';
import { type NameOf, nameResolver } from '../identity/identity.readers';
import { managedTownships, manages } from './audience';
import type { LearningPorts } from './learning.ports';
import { normalizeQuestion, type StoredQuestion, visibleQuestion } from './question';

const presentQuestion = (q: StoredQuestion, nameOf?: NameOf): Question => ({
  id: q.id,
  topic: q.topic,
  kind: q.kind,
  text: q.text,
  options: q.options,
  answer: q.answer,
  ...(q.townshipId ? { townshipId: q.townshipId } : {}),
  ownerLabel: q.ownerLabel,
  createdAt: q.createdAt,
  createdByName: nameOf ? nameOf(q.createdBy, q.createdByName) : q.createdByName,
});

export async function listQuestions(deps: LearningPorts, principal: Principal, allowed: readonly Role[]) {
  const reach = managedTownships(deps.districtId, principal, allowed);
  const questions = (await deps.learning.questions.list(deps.districtId))
    .filter((q) => visibleQuestion(reach, q))
    .sort((a, b) => a.topic.localeCompare(b.topic, 'zh') || a.createdAt.localeCompare(b.createdAt));
  const nameOf = await nameResolver(
    deps.people,
    questions.map((q) => q.createdBy),
  );
  return { questions: questions.map((q) => presentQuestion(q, nameOf)), topics: [...new Set(questions.map((q) => q.topic))] };
}

/** District admins add district-wide questions; township staff add questions under a township they manage. */
export async function createQuestion(
  deps: LearningPorts,
  principal: Principal,
  allowed: readonly Role[],
  body: QuestionBody,
): Promise<Question> {
  const reach = managedTownships(deps.districtId, principal, allowed);
  let ownerLabel: string;
  if (body.townshipId) {
    const township = await deps.org.getTownship(deps.districtId, body.townshipId);
    if (!township) throw unknownReference('body.townshipId', '乡镇（街道）不存在');
    if (!manages(reach, body.townshipId)) throw forbiddenScope();
    ownerLabel = township.name;
  } else {
    if (!isDistrictAdmin(principal.bindings, deps.districtId))
      throw invalid('body.townshipId', '请选择题目所属的乡镇（街道）', 'township_required');
    ownerLabel = (await deps.org.getDistrict(deps.districtId))?.name ?? '区';
  }
  const { options, answer, errors } = normalizeQuestion(body);
  if (errors.length) throw invalidFields('题目有误，请检查标出的项目', errors);
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
  await deps.learning.questions.put(q);
  return presentQuestion(q);
}

export async function deleteQuestion(deps: LearningPorts, principal: Principal, allowed: readonly Role[], questionId: string) {
  const reach = managedTownships(deps.districtId, principal, allowed);
  const q = await deps.learning.questions.get(deps.districtId, questionId);
  if (!q || !visibleQuestion(reach, q)) throw notFound('题目');
  // District questions belong to the district admins; a township's to its staff (and the district admins).
  if (!q.townshipId && reach !== 'all') throw forbiddenScope();
  await deps.learning.questions.delete(deps.districtId, questionId);
  return { deleted: true as const };
}
