import { type ApiAppOptions, createContextApp } from './context-app';
import { implementations } from './routes';

export { type ApiApp, type ApiAppOptions, type Logger, MAX_BODY_BYTES, matchRoute } from './context-app';

/**
 * Every route of every context in one app: the local stack (`npm start`) and the tests. Lambda handlers
 * use createContextApp with their own context's routes, so they do not import this module.
 */
export function createApiApp(options: ApiAppOptions) {
  return createContextApp({ ...options, implementations });
}
