import type { Wiring } from '../../platform/wiring';
import { xlsxWriter } from '../../platform/xlsx/xlsx-writer';
import { rankingExportReader } from '../rankings/rankings.wiring';
import type { RankingExportPorts } from './ranking-export.ports';

export const rankingExportPorts = (w: Wiring): RankingExportPorts => ({
  ...w.kernel,
  ranking: rankingExportReader(w),
  spreadsheets: xlsxWriter,
});
