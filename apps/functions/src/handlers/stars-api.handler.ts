import { creationPlansFeature } from '../features/creation-plans/creation-plans.feature';
import { liaisonFeature } from '../features/liaison/liaison.feature';
import { starsFeature } from '../features/stars/stars.feature';
import { createApiHandler } from './api-function';

export const handler = createApiHandler('stars', { stars: starsFeature, 'creation-plans': creationPlansFeature, liaison: liaisonFeature });
