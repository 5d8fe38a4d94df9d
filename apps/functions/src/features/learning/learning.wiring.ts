import type { Wiring } from '../../platform/wiring';
import { bindingReader, peopleReader } from '../identity/identity.wiring';
import { noticesPort } from '../inbox/inbox.wiring';
import { orgReader } from '../org/org.wiring';
import type { LearningPorts } from './learning.ports';
import { DynamoLearningRepository } from './learning-repository.dynamodb';

export const learningPorts = (w: Wiring): LearningPorts => ({
  ...w.kernel,
  people: peopleReader(w),
  learning: new DynamoLearningRepository(w.doc, w.table),
  org: orgReader(w),
  users: bindingReader(w),
  notices: noticesPort(w),
});
