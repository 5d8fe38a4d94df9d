import type { StoredQuestion } from './question';

/** 应知应会 题库: the district's questions. */
export interface QuestionBankRepository {
  list(districtId: string): Promise<StoredQuestion[]>;
  /** Conditional insert. */
  put(q: StoredQuestion): Promise<void>;
  get(districtId: string, id: string): Promise<StoredQuestion | undefined>;
  /** NOT_FOUND when it is already gone. */
  delete(districtId: string, id: string): Promise<void>;
}
