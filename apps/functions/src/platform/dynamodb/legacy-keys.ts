/** Key builders for the single table (see table-definition.ts for the access patterns). */
export const keys = {
  district: (d: string) => ({ pk: `DIST#${d}`, sk: 'DISTRICT' }),
  township: (d: string, t: string) => ({ pk: `DIST#${d}`, sk: `TWN#${t}` }),
  townshipPrefix: 'TWN#',
  branch: (b: string) => ({ pk: `BR#${b}`, sk: 'BRANCH' }),
  branchesOfTownship: (t: string) => `TWN#${t}#BRS`,
  branchName: (t: string, name: string) => ({ pk: `TWN#${t}#BRNAME`, sk: name }),
  user: (u: string) => ({ pk: `USER#${u}`, sk: 'PROFILE' }),
  userPk: (u: string) => `USER#${u}`,
  binding: (u: string, b: string) => ({ pk: `USER#${u}`, sk: `BIND#${b}` }),
  bindingPrefix: 'BIND#',
  openid: (o: string) => ({ pk: `OPENID#${o}`, sk: 'OPENID' }),
  demoUsers: 'DEMO#USERS',
  invitation: (codeHash: string) => ({ pk: `INVCODE#${codeHash}`, sk: 'INVITATION' }),
  invitationsOf: (d: string) => `DIST#${d}#INVS`,
  bindingsOf: (d: string) => `DIST#${d}#BINDS`,
  seed: (version: string) => ({ pk: 'SEED', sk: version }),
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
