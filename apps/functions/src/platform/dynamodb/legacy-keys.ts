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
  /**
   * Read by rankings/scoring-inputs.dynamodb.ts only, until the ranking reads through the reports' readers
   * (QuarterStatsReader, HolidayReader); the reports declare these in features/reports/reports.entities.ts.
   */
  branchQuarterStats: (b: string, quarter: string) => ({ pk: `BR#${b}`, sk: `STAT#Q#${quarter}` }),
  exemptionsPk: (d: string) => `DIST#${d}#EXEMPT`,
} as const;
