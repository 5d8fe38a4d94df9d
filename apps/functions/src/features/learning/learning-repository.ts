import type { StoredAttempt, StoredQuestion, StoredQuestionnaire, StoredResponse, StoredTestResult, StoredTestSession } from './learning';

/** 应知应会 question bank, test sessions, attempts and results; 调查问卷 and their responses. */
export interface LearningRepository {
  listQuestions(districtId: string): Promise<StoredQuestion[]>;
  /** Conditional insert. */
  putQuestion(q: StoredQuestion): Promise<void>;
  getQuestion(districtId: string, id: string): Promise<StoredQuestion | undefined>;
  /** NOT_FOUND when it is already gone. */
  deleteQuestion(districtId: string, id: string): Promise<void>;

  /** Conditional insert; false when a session with this id exists (a retried create). */
  createSession(s: StoredTestSession): Promise<boolean>;
  getSession(id: string): Promise<StoredTestSession | undefined>;
  /** The district's sessions, newest first (bounded: the most recent 200). */
  listSessions(districtId: string): Promise<StoredTestSession[]>;

  /** A person's attempts at a session, oldest first. */
  attemptsOf(sessionId: string, userId: string): Promise<StoredAttempt[]>;
  /** Conditional on the attempt number being free → CONFLICT. */
  putAttempt(a: StoredAttempt): Promise<void>;
  /**
   * Atomically: the attempt becomes submitted (only if it was started) and the person's result row is
   * written (only if it still counts `previousAttempts` submissions) → CONFLICT otherwise.
   */
  submitAttempt(a: StoredAttempt, result: StoredTestResult, previousAttempts: number): Promise<void>;
  getResult(sessionId: string, userId: string): Promise<StoredTestResult | undefined>;
  listResults(sessionId: string): Promise<StoredTestResult[]>;

  /** Conditional insert; false when it exists (a retried create). */
  createQuestionnaire(q: StoredQuestionnaire): Promise<boolean>;
  getQuestionnaire(id: string): Promise<StoredQuestionnaire | undefined>;
  /** A township's questionnaires, newest first. */
  listQuestionnaires(townshipId: string): Promise<StoredQuestionnaire[]>;
  /** Conditional on it being open → CONFLICT. */
  closeQuestionnaire(id: string, at: string): Promise<void>;
  /** Conditional on `expectedVersion` (0: first response) → CONFLICT. */
  putResponse(r: StoredResponse, expectedVersion: number): Promise<void>;
  getResponse(questionnaireId: string, userId: string): Promise<StoredResponse | undefined>;
  listResponses(questionnaireId: string): Promise<StoredResponse[]>;
}
