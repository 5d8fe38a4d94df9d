import type { StoredAppraisal, StoredAppraisalReport, StoredAppraisalSheet } from './appraisals';

export interface AppraisalRepository {
  get(townshipId: string, quarter: string): Promise<StoredAppraisal | undefined>;
  listOfTownship(townshipId: string): Promise<StoredAppraisal[]>;
  /** Conditional on the version the writer saw (0: none yet) → CONFLICT otherwise; a close also on `sheetRev`. */
  put(session: StoredAppraisal, expectedVersion: number): Promise<void>;
  reports(townshipId: string, quarter: string): Promise<StoredAppraisalReport[]>;
  /** Conditional on the report's version and on the session still being open. */
  putReport(report: StoredAppraisalReport, expectedVersion: number): Promise<void>;
  sheets(townshipId: string, quarter: string): Promise<StoredAppraisalSheet[]>;
  /** One transaction: the sheet at its version, and the session still scoring, whose `sheetRev` it bumps. */
  putSheet(sheet: StoredAppraisalSheet, expectedVersion: number): Promise<void>;
}
