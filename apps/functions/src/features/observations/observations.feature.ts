import { observationsRoutes } from '@chuangxing/shared';
import { defineFeature } from '../../platform/http/feature';
import { observationsImplementations } from './observations.routes';
import { observationsPorts } from './observations.wiring';

/** 每月一观摩: officials score the branches they visit; the organiser locks the results, which the ranking reads. */
export const observationsFeature = defineFeature({
  name: 'observations',
  routes: observationsRoutes,
  implementations: observationsImplementations,
  ports: observationsPorts,
});
