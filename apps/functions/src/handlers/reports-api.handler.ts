import { reportsFeature } from '../features/reports/reports.feature';
import { createApiHandler } from './api-function';

export const handler = createApiHandler('reports', { reports: reportsFeature });
