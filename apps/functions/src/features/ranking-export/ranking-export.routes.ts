import type { rankingExportRoutes } from '@chuangxing/shared';
import type { RouteImpls } from '../../platform/http/route-context';
import { exportRanking } from './export-ranking';
import type { RankingExportPorts } from './ranking-export.ports';

export const rankingExportImplementations: RouteImpls<typeof rankingExportRoutes, RankingExportPorts> = {
  /** The edge sends `base64` as the workbook's bytes (produces: 'xlsx'). */
  exportRanking: async ({ deps, principal, allowed, params, query }) => {
    const file = await exportRanking(deps, principal, allowed, params.quarter, query.version);
    return { status: 200, body: { filename: file.filename, contentType: file.contentType, base64: file.bytes.toString('base64') } };
  },
};
