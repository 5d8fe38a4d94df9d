import { rankingExportRoutes } from '@chuangxing/shared';
import { defineFeature } from '../../platform/http/feature';
import { rankingExportImplementations } from './ranking-export.routes';
import { rankingExportPorts } from './ranking-export.wiring';

/** 每季度一评比's XLSX export, apart from the rankings so that bundle carries no workbook writer. */
export const rankingExportFeature = defineFeature({
  name: 'ranking-export',
  routes: rankingExportRoutes,
  implementations: rankingExportImplementations,
  ports: rankingExportPorts,
});
