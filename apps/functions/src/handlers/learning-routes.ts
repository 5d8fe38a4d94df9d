import { learningImplementations as learning } from '../features/learning/learning.routes';
import { newsImplementations as news } from '../features/news/news.routes';
import type { RouteImplementations } from '../platform/http/route-context';

/** The learning context's routes (see ../route-contexts.ts): tests, questionnaires and news. */
export const learningImplementations = { ...learning, ...news } satisfies Partial<RouteImplementations>;
