import type { StoredPledgeProgress, StoredPledges } from './pledges';

export interface PledgeRepository {
  get(branchId: string, year: number): Promise<StoredPledges | undefined>;
  /** Conditional on the version the secretary edited (0: none yet) → CONFLICT otherwise. */
  put(pledges: StoredPledges, expectedVersion: number): Promise<void>;
  progressOf(branchId: string, year: number): Promise<StoredPledgeProgress[]>;
  getProgress(branchId: string, year: number, month: string, itemId: string): Promise<StoredPledgeProgress | undefined>;
  /** Conditional on the entry's version (0: none yet) → CONFLICT otherwise. */
  putProgress(entry: StoredPledgeProgress, expectedVersion: number): Promise<void>;
  /** One index query each: the township's commitments of the year, and its progress up to `month`. */
  townshipPledges(townshipId: string, year: number): Promise<StoredPledges[]>;
  townshipProgress(townshipId: string, year: number, upToMonth: string): Promise<StoredPledgeProgress[]>;
}
