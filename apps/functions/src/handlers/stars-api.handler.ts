import { starsFeature } from '../features/stars/stars.feature';
import { createApiHandler } from './api-function';

export const handler = createApiHandler('stars', { stars: starsFeature });
