import { plansFeature } from '../features/plans/plans.feature';
import { pledgesFeature } from '../features/pledges/pledges.feature';
import { starsFeature } from '../features/stars/stars.feature';
import { studyReviewFeature } from '../features/study-review/study-review.feature';
import { createApiHandler } from './api-function';

export const handler = createApiHandler('work', {
  plans: plansFeature,
  'study-review': studyReviewFeature,
  stars: starsFeature,
  pledges: pledgesFeature,
});
