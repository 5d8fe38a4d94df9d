import { appraisalsRoutes } from '@chuangxing/shared';
import { defineFeature } from '../../platform/http/feature';
import { appraisalsImplementations } from './appraisals.routes';
import { appraisalsPorts } from './appraisals.wiring';

/** 比干劲: the township's quarterly 述职评议 (session, 述职, score sheets of three groups, frozen results). */
export const appraisalsFeature = defineFeature({
  name: 'appraisals',
  routes: appraisalsRoutes,
  implementations: appraisalsImplementations,
  ports: appraisalsPorts,
});
