import { rankingsFeature } from '../features/rankings/rankings.feature';
import { createApiHandler } from './api-function';

export const handler = createApiHandler('rankings', { rankings: rankingsFeature });
