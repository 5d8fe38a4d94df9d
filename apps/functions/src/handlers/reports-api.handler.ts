import { rankingExportFeature } from '../features/ranking-export/ranking-export.feature';
import { reportsFeature } from '../features/reports/reports.feature';
import { createApiHandler } from './api-function';

export const handler = createApiHandler('reports', { reports: reportsFeature, 'ranking-export': rankingExportFeature });
