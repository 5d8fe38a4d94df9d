import type { HeldStarRepository } from './held-star-repository';
import type { StarApplicationRepository } from './star-application-repository';

export type { StarHoldingRecord } from './held-star-repository';
export type { StoredStarApplication as StarApplicationRecord } from './star-application';

/** The stars as other features read them: a township's held and withdrawn stars (the ranking counts them as of a day). */
export type HeldStarsReader = Pick<HeldStarRepository, 'holdingsOfTownship'>;

/** The district's applications in one status (one index query each): a leader's home counts those under review. */
export type StarApplicationsReader = Pick<StarApplicationRepository, 'listByStatus'>;
