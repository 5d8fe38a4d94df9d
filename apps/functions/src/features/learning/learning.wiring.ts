import { createNotifier } from '../../platform/notify/create-notifier';
import type { Wiring } from '../../platform/wiring';
import { DynamoUserRepository } from '../identity/user-repository.dynamodb';
import { DynamoOrgRepository } from '../org/org-repository.dynamodb';
import type { LearningPorts } from './learning.ports';
import { DynamoLearningRepository } from './learning-repository.dynamodb';

export const learningPorts = (w: Wiring): LearningPorts => ({
  ...w.kernel,
  learning: new DynamoLearningRepository(w.doc, w.table),
  // Until org and identity have their wiring: their adapters, shared with the other features of the function.
  org: w.once('org', () => new DynamoOrgRepository(w.doc, w.table)),
  users: w.once('users', () => new DynamoUserRepository(w.doc, w.table)),
  notifier: w.once('notifier', () => createNotifier(w.config, { doc: w.doc, clock: w.clock, appSecret: w.appSecret })),
});
