import { createObjectStorage } from '../../platform/storage/create-object-storage';
import type { Wiring } from '../../platform/wiring';
import { DynamoOrgRepository } from '../org/org-repository.dynamodb';
import type { NewsPorts } from './news.ports';
import { DynamoNewsRepository } from './news-repository.dynamodb';

export const newsPorts = (w: Wiring): NewsPorts => ({
  ...w.kernel,
  news: new DynamoNewsRepository(w.doc, w.table),
  // Until org has its wiring: its adapter, shared with the other features of the function.
  org: w.once('org', () => new DynamoOrgRepository(w.doc, w.table)),
  storage: w.once('storage', () =>
    createObjectStorage(w.config, { baseUrl: w.local?.baseUrl ?? (() => ''), signingKey: w.secrets.tokenSigningKey }),
  ),
});
