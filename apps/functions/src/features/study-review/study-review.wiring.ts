import type { Wiring } from '../../platform/wiring';
import { peopleReader } from '../identity/identity.wiring';
import { orgReader } from '../org/org.wiring';
import type { StudyReviewPorts } from './study-review.ports';
import { DynamoStudyReviewRepository } from './study-review-repository.dynamodb';

export const studyReviewPorts = (w: Wiring): StudyReviewPorts => ({
  ...w.kernel,
  people: peopleReader(w),
  reviews: new DynamoStudyReviewRepository(w.doc, w.table),
  org: orgReader(w),
});
