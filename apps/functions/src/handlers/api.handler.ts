import { coreImplementations } from '../http/routes/core';
import { createApiHandler } from './api-function';
import { composeCoreDeps } from './compose-core';

/** The core API function: every route outside rankings and learning (http/route-contexts.ts). */
export const handler = createApiHandler('chuangxing-api', composeCoreDeps, coreImplementations);
