import { learningRoutes } from '@chuangxing/shared';
import { defineFeature } from '../../platform/http/feature';
import { learningImplementations } from './learning.routes';
import { learningPorts } from './learning.wiring';

/** 应知应会 (question bank, tests scored on the server, 参考率 and reminders) and 调查问卷 (questionnaires, results, CSV). */
export const learningFeature = defineFeature({
  name: 'learning',
  routes: learningRoutes,
  implementations: learningImplementations,
  ports: learningPorts,
});
