import Taro from '@tarojs/taro';
import { apiBaseUrl, isH5 } from '../../../config/runtime-config';
import { NETWORK_ERROR_MESSAGE, failureError, failureOf } from '../../../services/api-failure';
import { sessionStore } from '../../../services/session-store';
import { quarterLabel } from './quarter';

/** The export route answers with XLSX bytes rather than JSON, so it bypasses the typed client. */
export function rankingExportUrl(quarter: string, version?: number): string {
  return `${apiBaseUrl().replace(/\/$/, '')}/v1/rankings/${encodeURIComponent(quarter)}/export${version ? `?version=${version}` : ''}`;
}

function parseError(status: number, text: string): Error {
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return failureError(failureOf({ status, body }));
}

/**
 * Download the ranking workbook (the published version, or a named one). weapp: downloadFile with the token,
 * then openDocument (forward or save from there). H5: fetch and save through a blob link. Rejects with a Failure.
 */
export async function downloadRankingXlsx(quarter: string, version?: number): Promise<void> {
  const url = rankingExportUrl(quarter, version);
  const token = sessionStore.token();
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (isH5()) {
    let res: Response;
    try {
      res = await fetch(url, { headers });
    } catch {
      throw failureError({ message: NETWORK_ERROR_MESSAGE });
    }
    if (!res.ok) throw parseError(res.status, await res.text());
    const blob = await res.blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${quarterLabel(quarter)}创星评比${version ? `_第${version}版` : ''}.xlsx`;
    link.className = 'cx-ranking-export-link';
    document.body.appendChild(link);
    link.click();
    setTimeout(() => {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 30_000);
    return;
  }
  let res: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    res = await Taro.downloadFile({ url, header: headers });
  } catch {
    throw failureError({ message: NETWORK_ERROR_MESSAGE });
  }
  if (res.statusCode !== 200) throw failureError(failureOf({ status: res.statusCode, body: undefined }));
  try {
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true });
  } catch {
    throw failureError({ message: '无法打开表格，请稍后重试' });
  }
}
