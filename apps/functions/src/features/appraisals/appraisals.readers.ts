import type { TownshipStandings } from './appraisals';

/** A closed session's frozen score per branch (0–100; null: nobody scored it), for the quarterly ranking. */
export interface AppraisalScore {
  branchId: string;
  score: number | null;
  sheetCount: number;
}

export interface AppraisalResultsReader {
  /** The township's closed session of the quarter, or undefined when there is none (无数据, not 0). */
  closedResults(townshipId: string, quarter: string): Promise<AppraisalScore[] | undefined>;
}

export type { AppraisalStanding, TownshipStandings } from './appraisals';

/** What the 亮赛比 board reads: totals and ranks of closed sessions only, never sheets, scorers or codes. */
export interface AppraisalStandingsReader {
  standingsOf(townshipId: string, upToQuarter: string): Promise<TownshipStandings>;
}
