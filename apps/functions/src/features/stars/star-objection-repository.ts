import type { StoredStarApplication, StoredStarEvent } from './star-application';
import type { StoredStarObjection } from './star-objection';

export interface StarObjectionRepository {
  /**
   * One transaction: the objection, the objector's marker (keyed hash and client key) and +1 on the application's
   * open-objection counter, conditional on the application still being in 公示 through `today`. A retry with the
   * same client key by the same objector answers `replayed`; an application out of 公示 → ILLEGAL_TRANSITION.
   */
  file(objection: StoredStarObjection, today: string): Promise<{ kind: 'created' | 'replayed'; objection: StoredStarObjection }>;
  get(applicationId: string, objectionId: string): Promise<StoredStarObjection | undefined>;
  listForApplication(applicationId: string): Promise<StoredStarObjection[]>;
  /** The objector's own objections, found by the keyed hash of their account. */
  listByObjector(objectorKey: string): Promise<StoredStarObjection[]>;
  /**
   * One transaction: the resolved objection (conditional on the version read) and the application after it
   * (conditional on its version and open count as read), with the application's event when its status moved.
   * Any failed condition → CONFLICT.
   */
  resolve(
    next: StoredStarObjection,
    expectedVersion: number,
    app: { before: StoredStarApplication; after: StoredStarApplication; event?: StoredStarEvent },
  ): Promise<void>;
}
