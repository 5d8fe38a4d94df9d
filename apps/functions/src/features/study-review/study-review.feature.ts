import { studyReviewRoutes } from '@chuangxing/shared';
import { defineFeature } from '../../platform/http/feature';
import { studyReviewImplementations } from './study-review.routes';
import { studyReviewPorts } from './study-review.wiring';

/** 学讲评: each branch's four lists (困难, 问题, 办法, 举措) per month, tracked item by item, and a township's summary. */
export const studyReviewFeature = defineFeature({
  name: 'study-review',
  routes: studyReviewRoutes,
  implementations: studyReviewImplementations,
  ports: studyReviewPorts,
});
