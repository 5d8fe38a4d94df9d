import { learningImplementations } from '../http/routes/learning';
import { createApiHandler } from './api-function';
import { composeLearningDeps } from './compose-learning';

/** The learning API function: tests, questionnaires and news (http/route-contexts.ts). */
export const handler = createApiHandler('chuangxing-api-learning', composeLearningDeps, learningImplementations);
