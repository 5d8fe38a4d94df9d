import type { LetterRules } from '@chuangxing/shared';

/** The district's mailbox rules as stored, with who changed them last. */
export type StoredLetterRules = LetterRules & { updatedBy: string; updatedAt: string };

/** The district's mailbox rules: SLA working days, auto-archive days, letters a writer may send a day. */
export interface LetterRulesRepository {
  /** The district's rules, or the defaults when none were saved. */
  get(districtId: string): Promise<LetterRules>;
  put(districtId: string, rules: LetterRules, by: string, at: string): Promise<void>;
}
