import { rankingsFeature } from '../features/rankings/rankings.feature';
import { starsFeature } from '../features/stars/stars.feature';
import { createApiHandler } from './api-function';

export const handler = createApiHandler('rankings', { rankings: rankingsFeature, stars: starsFeature });
