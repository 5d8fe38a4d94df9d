import '../zod-config';
import { defineRoute, rolesAccess } from '../route';
import { FileBody } from './common.contract';
import { QuarterPath, RANKING_READERS, VersionQuery } from './rankings.schemas';

/** The ranking's XLSX export: served apart from the rankings (by the reports function), so that bundle carries no workbook writer. */
export const rankingExportRoutes = {
  exportRanking: defineRoute({
    method: 'GET',
    path: '/v1/rankings/{quarter}/export',
    summary: 'The published ranking (or a named version) as an XLSX workbook',
    access: rolesAccess(...RANKING_READERS),
    params: QuarterPath,
    query: VersionQuery,
    produces: 'xlsx',
    responses: { 200: FileBody },
  }),
} as const;
