import { createApiHandler } from './api-function';
import { composeLearningDeps } from './compose-learning';
import { learningImplementations } from './learning-routes';

/** The learning API function: tests, questionnaires and news (http/route-contexts.ts). */
export const handler = createApiHandler('chuangxing-api-learning', composeLearningDeps, learningImplementations);
