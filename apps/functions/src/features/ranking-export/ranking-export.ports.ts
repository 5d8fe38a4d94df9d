import type { Kernel } from '../../platform/kernel/kernel';
import type { SpreadsheetWriter } from '../../platform/xlsx/spreadsheet';
import type { RankingExportReader } from '../rankings/rankings.readers';

/** What the ranking's export takes: the ranking as the caller may see it, and the workbook writer. */
export interface RankingExportPorts extends Kernel {
  ranking: RankingExportReader;
  spreadsheets: SpreadsheetWriter;
}
