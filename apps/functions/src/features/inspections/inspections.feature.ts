import { inspectionsRoutes } from '@chuangxing/shared';
import { defineFeature } from '../../platform/http/feature';
import { inspectionsImplementations } from './inspections.routes';
import { inspectionsPorts } from './inspections.wiring';

/** 四不两直: an inspector's drafts and recorded visits, and the 问题清单 a visit leaves (fix → 销号 / 退回). */
export const inspectionsFeature = defineFeature({
  name: 'inspections',
  routes: inspectionsRoutes,
  implementations: inspectionsImplementations,
  ports: inspectionsPorts,
});
