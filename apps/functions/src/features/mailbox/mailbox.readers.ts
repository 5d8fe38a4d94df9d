import type { LetterCounters } from './letter';

export type { LetterCounters } from './letter';
export { ratesOf } from './letter';

/** What the ranking reads of the letters: the 三率 counters of a township's communities. */
export interface LetterCountersReader {
  /**
   * The counters of each community of `townshipId` with letters received in any of `months` (a quarter's),
   * summed, by branch id: one query a month.
   */
  countersForMonths(townshipId: string, months: readonly string[]): Promise<Record<string, LetterCounters>>;
}

/** What the stars feature reads of a 廉情 case to open a 撤星: where it points and whether it was found 属实. */
export interface IntegrityCase {
  id: string;
  districtId: string;
  townshipId: string;
  branchId: string;
  upheld: boolean;
}

export interface IntegrityCasesReader {
  /** A 廉情 letter as a case (undefined for any other letter): never its text, writer or timeline. */
  getIntegrityCase(letterId: string): Promise<IntegrityCase | undefined>;
}
