import { objectStorage } from '../../platform/storage/storage.wiring';
import type { Wiring } from '../../platform/wiring';
import { peopleReader } from '../identity/identity.wiring';
import { orgReader } from '../org/org.wiring';
import type { NewsPorts } from './news.ports';
import { DynamoNewsRepository } from './news-repository.dynamodb';

export const newsPorts = (w: Wiring): NewsPorts => ({
  ...w.kernel,
  people: peopleReader(w),
  news: new DynamoNewsRepository(w.doc, w.table),
  org: orgReader(w),
  storage: objectStorage(w),
});
