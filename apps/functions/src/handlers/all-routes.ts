import type { RouteImplementations } from '../platform/http/route-context';
import { coreImplementations } from './core-routes';
import { learningImplementations } from './learning-routes';
import { rankingImplementations } from './rankings-routes';

/**
 * Every route of the contract, from one process (the local stack and the tests). The deployed API serves
 * each context from its own function (handlers/*-api.handler.ts), which imports only its own set.
 */
export const implementations: RouteImplementations = {
  ...coreImplementations,
  ...learningImplementations,
  ...rankingImplementations,
};
