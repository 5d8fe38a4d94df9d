import { FILE_CONTENT_TYPES, formatShanghaiDateTime, type QuestionnaireResults, type Role } from '@chuangxing/shared';
import type { Principal } from '../../platform/kernel/principal';
import type { ExportedFile } from '../../platform/xlsx/exported-file';
import type { LearningPorts } from './learning.ports';
import { audienceOf } from './list-audience';
import { aggregateResponses, responsesCsv } from './questionnaire';
import { organisedQuestionnaire, presentQuestionnaire } from './questionnaires';

/** Counts per option and the free-text answers; read from the responses (one query, a township's cadres). */
export async function getQuestionnaireResults(
  deps: LearningPorts,
  principal: Principal,
  allowed: readonly Role[],
  id: string,
): Promise<QuestionnaireResults> {
  const q = await organisedQuestionnaire(deps, principal, allowed, id);
  const [responses, audience] = await Promise.all([
    deps.learning.questionnaires.listResponses(q.id),
    audienceOf(deps, q.townshipId, q.roles),
  ]);
  responses.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return {
    questionnaire: presentQuestionnaire(q, deps.clock.now()),
    audience: audience.size,
    responded: responses.length,
    questions: aggregateResponses(q.questions, responses),
  };
}

export async function exportQuestionnaire(
  deps: LearningPorts,
  principal: Principal,
  allowed: readonly Role[],
  id: string,
): Promise<ExportedFile> {
  const q = await organisedQuestionnaire(deps, principal, allowed, id);
  const responses = (await deps.learning.questionnaires.listResponses(q.id)).sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  return {
    filename: `问卷结果_${q.title}.csv`,
    contentType: FILE_CONTENT_TYPES.csv,
    bytes: Buffer.from(responsesCsv(q, responses, formatShanghaiDateTime), 'utf8'),
  };
}
