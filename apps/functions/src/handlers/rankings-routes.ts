import { rankingsImplementations as ranking } from '../features/rankings/rankings.routes';
import type { RouteImplementations } from '../platform/http/route-context';

/** The rankings context's routes (see ../route-contexts.ts): the scoring model and the quarterly rankings. */
export const rankingImplementations = { ...ranking } satisfies Partial<RouteImplementations>;
