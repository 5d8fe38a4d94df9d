import type { StoredQuestionnaire, StoredResponse } from './questionnaire';

/** 调查问卷 and their responses. */
export interface QuestionnaireRepository {
  /** Conditional insert; false when it exists (a retried create). */
  create(q: StoredQuestionnaire): Promise<boolean>;
  get(id: string): Promise<StoredQuestionnaire | undefined>;
  /** A township's questionnaires, newest first. */
  list(townshipId: string): Promise<StoredQuestionnaire[]>;
  /** Conditional on it being open → CONFLICT. */
  close(id: string, at: string): Promise<void>;
  /** Conditional on `expectedVersion` (0: first response) → CONFLICT. */
  putResponse(r: StoredResponse, expectedVersion: number): Promise<void>;
  getResponse(questionnaireId: string, userId: string): Promise<StoredResponse | undefined>;
  listResponses(questionnaireId: string): Promise<StoredResponse[]>;
}
