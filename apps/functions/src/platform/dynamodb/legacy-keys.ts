/** Key builders for the single table (see table-definition.ts for the access patterns). */
export const keys = {
  /**
   * Read by rankings/scoring-inputs.dynamodb.ts only, until the ranking reads through the reports' readers
   * (QuarterStatsReader, HolidayReader); the reports declare these in features/reports/reports.entities.ts.
   */
  branchQuarterStats: (b: string, quarter: string) => ({ pk: `BR#${b}`, sk: `STAT#Q#${quarter}` }),
  exemptionsPk: (d: string) => `DIST#${d}#EXEMPT`,
} as const;
