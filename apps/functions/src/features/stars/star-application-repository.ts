import type { Star, StarApplicationStatus } from '@chuangxing/shared';
import type { NoticeWrites } from '../../platform/notify/notices';
import type { StoredHeldStar, StoredHeldStarEvent } from './held-star';
import type { StoredStarApplication, StoredStarEvent } from './star-application';

/** The district's 评星定级 settings. */
export interface StarRules {
  /** How many working days 公示 lasts. */
  publicityWorkingDays: number;
  /** The annual 评星定级 day, MM-DD. */
  annualReviewDate: string;
  /** 0 until first saved. */
  version: number;
}

/** Which department is each star's 专班 (as saved; stars never saved read with the defaults). */
export interface StoredStarTaskforces {
  departments: { star: Star; department: string }[];
  /** 0 until first saved. */
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}

export interface StarApplicationRepository {
  /**
   * One transaction: the branch's claim on the star (one application per branch and star), the application and
   * its first event. A retry with the same client key answers `replayed` with the application written first; another
   * application for the same star → CONFLICT.
   */
  create(app: StoredStarApplication, event: StoredStarEvent): Promise<{ kind: 'created' | 'replayed'; application: StoredStarApplication }>;
  get(applicationId: string): Promise<{ application: StoredStarApplication; history: StoredStarEvent[] } | undefined>;
  /**
   * Conditional on `expectedVersion`, with the event appended in the same transaction → CONFLICT otherwise. 授星
   * also starts the held-star record (only if the branch does not hold the star) and its audit event. The branch's
   * notices of the step go into the same transaction.
   */
  transition(
    next: StoredStarApplication,
    expectedVersion: number,
    event: StoredStarEvent,
    award?: { held: StoredHeldStar; event: StoredHeldStarEvent },
    notices?: NoticeWrites,
  ): Promise<void>;
  /** A branch's applications (one query of its claims, one batch read). */
  listForBranch(branchId: string): Promise<StoredStarApplication[]>;
  /** The district's applications in a status, optionally of one township (one index query). */
  listByStatus(districtId: string, status: StarApplicationStatus, townshipId?: string): Promise<StoredStarApplication[]>;
  /** Every application of the district, in any status (one index query): the 专班's board. */
  listInDistrict(districtId: string): Promise<StoredStarApplication[]>;
  getRules(districtId: string): Promise<StarRules>;
  getTaskforces(districtId: string): Promise<StoredStarTaskforces>;
  /** Conditional on the version read (0: never saved) → CONFLICT otherwise. */
  putTaskforces(districtId: string, taskforces: StoredStarTaskforces, expectedVersion: number): Promise<void>;
  /** Conditional on the version read (0: never saved) → CONFLICT otherwise. */
  putRules(districtId: string, rules: StarRules, expectedVersion: number): Promise<void>;
}
