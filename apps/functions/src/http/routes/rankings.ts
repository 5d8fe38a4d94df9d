import type { RouteImplementations } from '../route-context';
import * as ranking from './ranking.routes';

/** The rankings context's routes (see ../route-contexts.ts): the scoring model and the quarterly rankings. */
export const rankingImplementations = { ...ranking } satisfies Partial<RouteImplementations>;
