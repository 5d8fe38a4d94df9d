import Taro from '@tarojs/taro';
import { apiBaseUrl, isH5 } from '../../../config/runtime-config';
import { NETWORK_ERROR_MESSAGE, failureError, failureOf } from '../../../services/api-failure';
import { sessionStore } from '../../../services/session-store';

/** The export route answers with XLSX bytes rather than JSON, so it bypasses the typed client. */
export function exportUrl(townshipId: string, from: string, to: string): string {
  return `${apiBaseUrl().replace(/\/$/, '')}/v1/townships/${encodeURIComponent(townshipId)}/compliance/export?from=${from}&to=${to}`;
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

function filenameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/**
 * Download a township's compliance workbook. weapp: downloadFile with the token, then openDocument
 * (the user can forward or save it from there). H5: fetch it and save it through a blob link.
 * Rejects with a Failure.
 */
export async function downloadComplianceXlsx(townshipId: string, from: string, to: string): Promise<void> {
  const url = exportUrl(townshipId, from, to);
  const token = sessionStore.token();
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const fallbackName = `日报统计_${from}_${to}.xlsx`;
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
    link.download = filenameOf(res.headers.get('content-disposition'), fallbackName);
    link.className = 'cx-dashboard-export-link';
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
