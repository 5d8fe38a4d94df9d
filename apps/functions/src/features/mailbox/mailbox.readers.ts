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
