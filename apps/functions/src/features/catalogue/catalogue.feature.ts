import { catalogueRoutes } from '@chuangxing/shared';
import { defineFeature } from '../../platform/http/feature';
import { catalogueImplementations } from './catalogue.routes';
import { cataloguePorts } from './catalogue.wiring';

/** 创星标准: the district's star catalogue, edited as a draft and published as immutable versions. */
export const catalogueFeature = defineFeature({
  name: 'catalogue',
  routes: catalogueRoutes,
  implementations: catalogueImplementations,
  ports: cataloguePorts,
});
