import type { HeldStarRepository } from './held-star-repository';

export type { StarHoldingRecord } from './held-star-repository';

/** The stars as other features read them: a township's held and withdrawn stars (the ranking counts them as of a day). */
export type HeldStarsReader = Pick<HeldStarRepository, 'holdingsOfTownship'>;
