import { starReviewRoutes } from '@chuangxing/shared';
import { defineFeature } from '../../platform/http/feature';
import { starReviewImplementations } from './star-review.routes';
import { starReviewPorts } from './star-review.wiring';

/** 评星 review context: what the product knows of the applying branch and the star, for those who oversee it. */
export const starReviewFeature = defineFeature({
  name: 'star-review',
  routes: starReviewRoutes,
  implementations: starReviewImplementations,
  ports: starReviewPorts,
});
