import { DynamoLearningRepository } from '../adapters/dynamodb/learning-repository.dynamodb';
import { DynamoNewsRepository } from '../adapters/dynamodb/news-repository.dynamodb';
import { createNotifier } from '../adapters/notify/create-notifier';
import { createObjectStorage } from '../adapters/storage/create-object-storage';
import type { AppConfig } from '../config/config';
import type { Clock } from '../ports/clock';
import type { Deps } from '../ports/deps';
import { basePorts, contextDeps, createWiring, type LocalWiring, type Secrets, type Wiring } from './compose-base';

export type LearningPorts = Pick<Deps, 'learning' | 'news' | 'storage' | 'notifier'>;

/** The learning context (tests, questionnaires, news): its repositories, news photos and test reminders. */
export function learningPorts(w: Wiring): LearningPorts {
  const { config, doc, clock, appSecret } = w;
  return {
    learning: new DynamoLearningRepository(doc, config.tableName),
    news: new DynamoNewsRepository(doc, config.tableName),
    storage: w.shared('storage', () =>
      createObjectStorage(config, { baseUrl: w.local?.baseUrl ?? (() => ''), signingKey: w.secrets.tokenSigningKey }),
    ),
    notifier: w.shared('notifier', () => createNotifier(config, { doc, clock, appSecret })),
  };
}

/** The learning API function's Deps: the base ports and its own; any other port fails loudly. */
export function composeLearningDeps(config: AppConfig, secrets: Secrets, clock?: Clock, local?: LocalWiring): Deps {
  const w = createWiring(config, secrets, clock, local);
  return contextDeps('learning', { ...basePorts(w), ...learningPorts(w) });
}
