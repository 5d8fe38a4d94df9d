import { createApiHandler } from './api-function';
import { composeRankingDeps } from './compose-rankings';
import { rankingImplementations } from './rankings-routes';

/** The rankings API function: /v1/scoring and /v1/rankings (http/route-contexts.ts). */
export const handler = createApiHandler('chuangxing-api-rankings', composeRankingDeps, rankingImplementations);
