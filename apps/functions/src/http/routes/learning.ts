import type { RouteImplementations } from '../route-context';
import * as learning from './learning.routes';
import * as news from './news.routes';

/** The learning context's routes (see ../route-contexts.ts): tests, questionnaires and news. */
export const learningImplementations = { ...learning, ...news } satisfies Partial<RouteImplementations>;
