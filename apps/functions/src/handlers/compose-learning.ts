import { DynamoLearningRepository } from '../features/learning/learning-repository.dynamodb';
import { DynamoNewsRepository } from '../features/news/news-repository.dynamodb';
import type { AppConfig } from '../platform/config/config';
import type { Clock } from '../platform/kernel/clock';
import type { Deps } from '../platform/kernel/deps';
import { createNotifier } from '../platform/notify/create-notifier';
import { createObjectStorage } from '../platform/storage/create-object-storage';
import { basePorts, contextDeps, createWiring, type LocalWiring, type Secrets, type Wiring } from './compose-base';

export type LearningPorts = Pick<Deps, 'learning' | 'news' | 'storage' | 'notifier'>;

/** The learning context (tests, questionnaires, news): its repositories, news photos and test reminders. */
export function learningPorts(w: Wiring): LearningPorts {
  const { config, doc, clock, appSecret } = w;
  return {
    learning: new DynamoLearningRepository(doc, config.tableName),
    news: new DynamoNewsRepository(doc, config.tableName),
    storage: w.once('storage', () =>
      createObjectStorage(config, { baseUrl: w.local?.baseUrl ?? (() => ''), signingKey: w.secrets.tokenSigningKey }),
    ),
    notifier: w.once('notifier', () => createNotifier(config, { doc, clock, appSecret })),
  };
}

/** The learning API function's Deps: the base ports and its own; any other port fails loudly. */
export function composeLearningDeps(config: AppConfig, secrets: Secrets, clock?: Clock, local?: LocalWiring): Deps {
  const w = createWiring(config, secrets, clock, local);
  return contextDeps('learning', { ...basePorts(w), ...learningPorts(w) });
}
