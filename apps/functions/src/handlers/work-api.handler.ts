import { appraisalsFeature } from '../features/appraisals/appraisals.feature';
import { plansFeature } from '../features/plans/plans.feature';
import { pledgesFeature } from '../features/pledges/pledges.feature';
import { studyReviewFeature } from '../features/study-review/study-review.feature';
import { createApiHandler } from './api-function';

export const handler = createApiHandler('work', {
  plans: plansFeature,
  'study-review': studyReviewFeature,
  pledges: pledgesFeature,
  appraisals: appraisalsFeature,
});
