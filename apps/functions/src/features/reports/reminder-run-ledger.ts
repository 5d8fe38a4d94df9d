/** Records the scheduled reminder run of each district-day, so it happens at most once. */
export interface ReminderRunLedger {
  /** Conditional create: true for exactly one caller per district and day, however many run at once. */
  claim(districtId: string, day: string, at: Date): Promise<boolean>;
  /** Adds what the claimed run did to its record (for audit; best effort). */
  complete(districtId: string, day: string, summary: Record<string, unknown>): Promise<void>;
}
