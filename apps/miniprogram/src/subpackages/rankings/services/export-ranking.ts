import { apiBaseUrl } from '../../../config/runtime-config';
import { downloadFile } from '../../../services/file-download';
import { quarterLabel } from './quarter';

/** The export route answers with XLSX bytes rather than JSON, so it bypasses the typed client. */
export function rankingExportUrl(quarter: string, version?: number): string {
  return `${apiBaseUrl().replace(/\/$/, '')}/v1/rankings/${encodeURIComponent(quarter)}/export${version ? `?version=${version}` : ''}`;
}

/**
 * Download the ranking workbook (the published version, or a named one). weapp: downloadFile with the token,
 * then openDocument (forward or save from there). H5: fetch and save through a blob link. Rejects with a Failure.
 */
export async function downloadRankingXlsx(quarter: string, version?: number): Promise<void> {
  return downloadFile({
    url: rankingExportUrl(quarter, version),
    fileName: `${quarterLabel(quarter)}创星评比${version ? `_第${version}版` : ''}.xlsx`,
    linkClassName: 'cx-ranking-export-link',
    weapp: { open: 'xlsx' },
  });
}
