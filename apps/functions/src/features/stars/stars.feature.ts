import { starsRoutes } from '@chuangxing/shared';
import { defineFeature } from '../../platform/http/feature';
import { starsImplementations } from './stars.routes';
import { starsPorts } from './stars.wiring';

/** 创星申报 and 评星定级: the self-assessment, 初审, 复审, 公示 and 授星. */
export const starsFeature = defineFeature({
  name: 'stars',
  routes: starsRoutes,
  implementations: starsImplementations,
  ports: starsPorts,
});
