import { pledgesRoutes } from '@chuangxing/shared';
import { defineFeature } from '../../platform/http/feature';
import { pledgesImplementations } from './pledges.routes';
import { pledgesPorts } from './pledges.wiring';

/** 亮赛比: 亮承诺 (a secretary's commitments per target star) and 赛实绩 (monthly progress on the township's board). */
export const pledgesFeature = defineFeature({
  name: 'pledges',
  routes: pledgesRoutes,
  implementations: pledgesImplementations,
  ports: pledgesPorts,
});
