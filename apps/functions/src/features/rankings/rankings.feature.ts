import { rankingsRoutes } from '@chuangxing/shared';
import { defineFeature } from '../../platform/http/feature';
import { rankingsImplementations } from './rankings.routes';
import { rankingsPorts } from './rankings.wiring';

/** 每季度一评比: the scoring model, the quarterly ranking job and what leaders read of it. */
export const rankingsFeature = defineFeature({
  name: 'rankings',
  routes: rankingsRoutes,
  implementations: rankingsImplementations,
  ports: rankingsPorts,
});
