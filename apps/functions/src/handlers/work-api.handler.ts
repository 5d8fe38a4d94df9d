import { inspectionsFeature } from '../features/inspections/inspections.feature';
import { observationsFeature } from '../features/observations/observations.feature';
import { plansFeature } from '../features/plans/plans.feature';
import { starsFeature } from '../features/stars/stars.feature';
import { studyReviewFeature } from '../features/study-review/study-review.feature';
import { createApiHandler } from './api-function';

export const handler = createApiHandler('work', {
  plans: plansFeature,
  observations: observationsFeature,
  inspections: inspectionsFeature,
  'study-review': studyReviewFeature,
  stars: starsFeature,
});
