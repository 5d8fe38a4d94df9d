/** Key builders for the single table (see table-definition.ts for the access patterns). */
export const keys = {
  /** Daily reports live under their branch: the report, its revisions and comments share one prefix. */
  report: (b: string, day: string) => ({ pk: `BR#${b}`, sk: `RPT#${day}` }),
  reportRevision: (b: string, day: string, v: number) => ({ pk: `BR#${b}`, sk: `RPT#${day}#REV#${String(v).padStart(4, '0')}` }),
  reportComment: (b: string, day: string, id: string) => ({ pk: `BR#${b}`, sk: `RPT#${day}#CMT#${id}` }),
  branchMonthStats: (b: string, month: string) => ({ pk: `BR#${b}`, sk: `STAT#M#${month}` }),
  branchQuarterStats: (b: string, quarter: string) => ({ pk: `BR#${b}`, sk: `STAT#Q#${quarter}` }),
  /** One marker per filed branch-day, so a township's day is one query. */
  townshipDayMarker: (t: string, day: string, b: string) => ({ pk: `TWN#${t}#DAY#${day}`, sk: `BR#${b}` }),
  townshipDayPk: (t: string, day: string) => `TWN#${t}#DAY#${day}`,
  /** Per-township counters for a day, so the district's day is one query. */
  townshipDayRollup: (d: string, day: string, t: string) => ({ pk: `DIST#${d}#DAY#${day}`, sk: `TWN#${t}` }),
  districtDayPk: (d: string, day: string) => `DIST#${d}#DAY#${day}`,
  dailyRules: (d: string) => ({ pk: `DIST#${d}`, sk: 'RULES#DAILY' }),
  exemption: (d: string, day: string, branchId?: string) => ({ pk: `DIST#${d}#EXEMPT`, sk: `${day}#${branchId ?? '*'}` }),
  exemptionsPk: (d: string) => `DIST#${d}#EXEMPT`,
} as const;
