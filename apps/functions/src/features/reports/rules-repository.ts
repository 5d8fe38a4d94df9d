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
  /** 'workday': a 调休 make-up working day of the district (no branch), not an exemption. Absent otherwise. */
  kind?: 'workday';
}

/** The district's daily-report rules, and its holidays and leave days. */
export interface RulesRepository {
  /** The district's rules, or the defaults when none were saved. */
  getDailyRules(districtId: string): Promise<DailyRules>;
  putDailyRules(districtId: string, rules: DailyRules, by: string, at: string): Promise<void>;
  /** Exemptions (holidays and leave days) whose day starts with `prefix` (a day or a month). */
  listExemptions(districtId: string, prefix: string): Promise<StoredExemption[]>;
  /** Every entry whose day starts with `prefix`: holidays, leave days and 调休 make-up working days. */
  listCalendar(districtId: string, prefix: string): Promise<StoredExemption[]>;
  /** Conditional: one district entry (holiday or make-up working day) per day and one leave per branch-day → CONFLICT otherwise. */
  createExemption(e: StoredExemption): Promise<void>;
  deleteExemption(districtId: string, id: string): Promise<StoredExemption | undefined>;
}
