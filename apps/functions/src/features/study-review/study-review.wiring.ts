import type { Wiring } from '../../platform/wiring';
import { DynamoOrgRepository } from '../org/org-repository.dynamodb';
import type { StudyReviewPorts } from './study-review.ports';
import { DynamoStudyReviewRepository } from './study-review-repository.dynamodb';

export const studyReviewPorts = (w: Wiring): StudyReviewPorts => ({
  ...w.kernel,
  reviews: new DynamoStudyReviewRepository(w.doc, w.table),
  org: w.once('org', () => new DynamoOrgRepository(w.doc, w.table)),
});
