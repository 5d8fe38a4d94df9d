import { newsRoutes } from '@chuangxing/shared';
import { defineFeature } from '../../platform/http/feature';
import { newsImplementations } from './news.routes';
import { newsPorts } from './news.wiring';

/** 创星动态: the district's news feed, with photos. */
export const newsFeature = defineFeature({
  name: 'news',
  routes: newsRoutes,
  implementations: newsImplementations,
  ports: newsPorts,
});
