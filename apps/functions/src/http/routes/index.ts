import type { RouteImplementations } from '../route-context';
import { coreImplementations } from './core';
import { learningImplementations } from './learning';
import { rankingImplementations } from './rankings';

/**
 * Every route of the contract, from one process (the local stack and the tests). The deployed API serves
 * each context from its own function (handlers/*-api.handler.ts), which imports only its own set.
 */
export const implementations: RouteImplementations = {
  ...coreImplementations,
  ...learningImplementations,
  ...rankingImplementations,
};
