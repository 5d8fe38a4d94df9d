import type { NoticeWrites } from '../../platform/notify/notices';
import type { StoredTestResult } from './test-result';
import type { StoredAttempt, StoredTestSession } from './test-session';

/** 应知应会 test sessions, the attempts at them and each taker's result. */
export interface TestRepository {
  /** Conditional insert, with the audience's notices; false (nothing written) when a session with this id exists (a retried create). */
  createSession(s: StoredTestSession, notices?: NoticeWrites): Promise<boolean>;
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
}
