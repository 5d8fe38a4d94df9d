import { apiBaseUrl } from '../../../config/runtime-config';
import { downloadFile } from '../../../services/file-download';

/** The export route answers with XLSX bytes rather than JSON, so it bypasses the typed client. */
export function exportUrl(townshipId: string, from: string, to: string): string {
  return `${apiBaseUrl().replace(/\/$/, '')}/v1/townships/${encodeURIComponent(townshipId)}/compliance/export?from=${from}&to=${to}`;
}

/**
 * Download a township's compliance workbook. weapp: downloadFile with the token, then openDocument
 * (the user can forward or save it from there). H5: fetch it and save it through a blob link.
 * Rejects with a Failure.
 */
export async function downloadComplianceXlsx(townshipId: string, from: string, to: string): Promise<void> {
  return downloadFile({
    url: exportUrl(townshipId, from, to),
    fileName: `日报统计_${from}_${to}.xlsx`,
    nameFromHeader: true,
    linkClassName: 'cx-dashboard-export-link',
    weapp: { open: 'xlsx' },
  });
}
