import type { AppConfig } from '../platform/config/config';
import type { Clock } from '../platform/kernel/clock';
import type { Deps } from '../platform/kernel/deps';
import { basePorts, createWiring, type LocalWiring, type Secrets } from './compose-base';
import { corePorts } from './compose-core';
import { learningPorts } from './compose-learning';
import { rankingPorts } from './compose-rankings';

export type { LocalWiring, Secrets } from './compose-base';

/**
 * Every port of every context: the local stack, the tests and the scheduled jobs. Each API function wires
 * only its own context (composeCoreDeps, composeRankingDeps, composeLearningDeps).
 */
export function composeDeps(config: AppConfig, secrets: Secrets, clock?: Clock, local?: LocalWiring): Deps {
  const w = createWiring(config, secrets, clock, local);
  return { ...basePorts(w), ...corePorts(w), ...learningPorts(w), ...rankingPorts(w) };
}
