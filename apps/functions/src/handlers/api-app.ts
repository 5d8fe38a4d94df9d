import { type ApiAppOptions, createContextApp } from '../platform/http/context-app';
import { implementations } from './all-routes';

export { type ApiApp, type ApiAppOptions, type Logger, MAX_BODY_BYTES, matchRoute } from '../platform/http/context-app';

/**
 * Every route of every context in one app: the local stack (`npm start`) and the tests. Lambda handlers
 * use createContextApp with their own context's routes, so they do not import this module.
 */
export function createApiApp(options: ApiAppOptions) {
  return createContextApp({ ...options, implementations });
}
