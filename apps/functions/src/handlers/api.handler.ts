import { createApiHandler } from './api-function';
import { composeCoreDeps } from './compose-core';
import { coreImplementations } from './core-routes';

/** The core API function: every route outside rankings and learning (http/route-contexts.ts). */
export const handler = createApiHandler('chuangxing-api', composeCoreDeps, coreImplementations);
