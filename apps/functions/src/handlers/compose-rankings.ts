import { DynamoInspectionRepository } from '../features/inspections/inspection-repository.dynamodb';
import { DynamoObservationRepository } from '../features/observations/observation-repository.dynamodb';
import { DynamoPlanRepository } from '../features/plans/plan-repository.dynamodb';
import { DynamoRankingRepository } from '../features/rankings/ranking-repository.dynamodb';
import { scoringModelStore } from '../features/rankings/rankings.wiring';
import { DynamoScoringInputs } from '../features/rankings/scoring-inputs.dynamodb';
import { findingsReader, observationResultsReader, taskProgressReader } from '../features/rankings/scoring-readers';
import { CachedRulesRepository } from '../features/reports/cached-rules-repository';
import { DynamoRulesRepository } from '../features/reports/rules-repository.dynamodb';
import type { AppConfig } from '../platform/config/config';
import type { Clock } from '../platform/kernel/clock';
import type { Deps } from '../platform/kernel/deps';
import { basePorts, contextDeps, createWiring, type LocalWiring, type Secrets, type Wiring } from './compose-base';

export type RankingPorts = Pick<Deps, 'rules' | 'rankings' | 'scoringModels' | 'scoringInputs'>;

/**
 * The rankings context (scoring model, quarterly rankings): the rules (due days) and the three readers over
 * plans, observations and inspections (adapters/scoring-readers.ts), no other feature's adapters.
 */
export function rankingPorts(w: Wiring): RankingPorts {
  const { config, doc } = w;
  const plans = w.once('plans', () => new DynamoPlanRepository(doc, config.tableName));
  const observations = w.once('observations', () => new DynamoObservationRepository(doc, config.tableName));
  const inspections = w.once('inspections', () => new DynamoInspectionRepository(doc, config.tableName));
  return {
    rules: w.once('rules', () => new CachedRulesRepository(new DynamoRulesRepository(doc, config.tableName))),
    rankings: new DynamoRankingRepository(doc, config.tableName),
    scoringModels: scoringModelStore(w),
    scoringInputs: new DynamoScoringInputs(doc, config.tableName, {
      observations: observationResultsReader(observations),
      findings: findingsReader(inspections),
      taskProgress: taskProgressReader(plans),
    }),
  };
}

/** The rankings API function's Deps: the base ports and its own; any other port fails loudly. */
export function composeRankingDeps(config: AppConfig, secrets: Secrets, clock?: Clock, local?: LocalWiring): Deps {
  const w = createWiring(config, secrets, clock, local);
  return contextDeps('rankings', { ...basePorts(w), ...rankingPorts(w) });
}
