import { rankingExportFeature } from '../features/ranking-export/ranking-export.feature';
import { createApiHandler } from './api-function';

export const handler = createApiHandler('exports', { 'ranking-export': rankingExportFeature });
