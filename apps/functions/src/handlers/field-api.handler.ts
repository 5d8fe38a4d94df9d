import { inspectionsFeature } from '../features/inspections/inspections.feature';
import { observationsFeature } from '../features/observations/observations.feature';
import { createApiHandler } from './api-function';

export const handler = createApiHandler('field', {
  observations: observationsFeature,
  inspections: inspectionsFeature,
});
