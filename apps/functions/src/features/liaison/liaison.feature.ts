import { liaisonRoutes } from '@chuangxing/shared';
import { defineFeature } from '../../platform/http/feature';
import { liaisonImplementations } from './liaison.routes';
import { liaisonPorts } from './liaison.wiring';

/** 包联: leaders' assigned townships, their visits and 五星 candidates, and the leader's home. */
export const liaisonFeature = defineFeature({
  name: 'liaison',
  routes: liaisonRoutes,
  implementations: liaisonImplementations,
  ports: liaisonPorts,
});
