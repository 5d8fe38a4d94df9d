import { creationPlansRoutes } from '@chuangxing/shared';
import { defineFeature } from '../../platform/http/feature';
import { creationPlansImplementations } from './creation-plans.routes';
import { creationPlansPorts } from './creation-plans.wiring';

/** 区乡村三级创建规划: the district's and townships' yearly targets, and the progress against baseline and targets. */
export const creationPlansFeature = defineFeature({
  name: 'creation-plans',
  routes: creationPlansRoutes,
  implementations: creationPlansImplementations,
  ports: creationPlansPorts,
});
