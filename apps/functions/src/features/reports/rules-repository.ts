import type { DailyRules } from '@chuangxing/shared';

export interface StoredExemption {
  id: string;
  districtId: string;
  day: string;
  branchId?: string;
  townshipId?: string;
  reason: string;
  createdBy: string;
  createdAt: string;
}

/** The district's daily-report rules, and its holidays and leave days. */
export interface RulesRepository {
  /** The district's rules, or the defaults when none were saved. */
  getDailyRules(districtId: string): Promise<DailyRules>;
  putDailyRules(districtId: string, rules: DailyRules, by: string, at: string): Promise<void>;
  /** Exemptions whose day starts with `prefix` (a day or a month). */
  listExemptions(districtId: string, prefix: string): Promise<StoredExemption[]>;
  /** Conditional: one holiday per day and one leave per branch-day → CONFLICT otherwise. */
  createExemption(e: StoredExemption): Promise<void>;
  deleteExemption(districtId: string, id: string): Promise<StoredExemption | undefined>;
}
