import { creationPlansFeature } from '../features/creation-plans/creation-plans.feature';
import { liaisonFeature } from '../features/liaison/liaison.feature';
import { starReviewFeature } from '../features/star-review/star-review.feature';
import { createApiHandler } from './api-function';

export const handler = createApiHandler('planning', {
  'creation-plans': creationPlansFeature,
  liaison: liaisonFeature,
  'star-review': starReviewFeature,
});
