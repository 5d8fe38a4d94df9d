import type { Wiring } from '../../platform/wiring';
import { DynamoHeldStarRepository } from './held-star-repository.dynamodb';
import { DynamoStarApplicationRepository } from './star-application-repository.dynamodb';
import type { HeldStarsReader, StarApplicationReader, StarApplicationsReader } from './stars.readers';

/** Apart from stars.wiring.ts, so the ranking's function carries only this repository, not the stars feature's ports. */
export const heldStarRepository = (w: Pick<Wiring, 'doc' | 'table' | 'once'>) =>
  w.once('held-stars', () => new DynamoHeldStarRepository(w.doc, w.table));

/** The ranking reads awarded stars through this. */
export const heldStarsReader = (w: Pick<Wiring, 'doc' | 'table' | 'once'>): HeldStarsReader => heldStarRepository(w);

/** The 包联 home reads applications under review through this (the same instance stars.wiring.ts builds). */
export const starApplicationsReader = (w: Pick<Wiring, 'doc' | 'table' | 'once'>): StarApplicationsReader =>
  w.once('star-applications', () => new DynamoStarApplicationRepository(w.doc, w.table));

/** The review context (star-review) reads one application through this. */
export const starApplicationReader = (w: Pick<Wiring, 'doc' | 'table' | 'once'>): StarApplicationReader =>
  w.once('star-applications', () => new DynamoStarApplicationRepository(w.doc, w.table));
