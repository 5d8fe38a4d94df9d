import { plansRoutes } from '@chuangxing/shared';
import { defineFeature } from '../../platform/http/feature';
import { plansImplementations } from './plans.routes';
import { plansPorts } from './plans.wiring';

/** 创星计划: a branch's plan and its approval, key-task progress with evidence, 倒排工期 and the 挂图作战 board (双过半). */
export const plansFeature = defineFeature({
  name: 'plans',
  routes: plansRoutes,
  implementations: plansImplementations,
  ports: plansPorts,
});
