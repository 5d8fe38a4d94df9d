import Taro from '@tarojs/taro';
import { apiBaseUrl, isH5 } from '../../../config/runtime-config';
import { NETWORK_ERROR_MESSAGE, failureError, failureOf } from '../../../services/api-failure';
import { sessionStore } from '../../../services/session-store';

/** The export route answers with CSV bytes rather than JSON, so it bypasses the typed client. */
export function questionnaireCsvUrl(id: string): string {
  return `${apiBaseUrl().replace(/\/$/, '')}/v1/questionnaires/${encodeURIComponent(id)}/export`;
}

function filenameOf(disposition: string | null, fallback: string): string {
  const star = disposition && /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (!star) return fallback;
  try {
    return decodeURIComponent(star[1]);
  } catch {
    return fallback;
  }
}

/**
 * Download a questionnaire's responses as CSV (UTF-8 with BOM, so Excel shows the Chinese). H5: a blob link.
 * weapp: downloadFile with the token, then share the file to a chat (openDocument does not open CSV), from
 * where it can be opened on a computer. Rejects with a Failure.
 */
export async function downloadQuestionnaireCsv(id: string, title: string): Promise<void> {
  const url = questionnaireCsvUrl(id);
  const token = sessionStore.token();
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const fallback = `问卷结果_${title}.csv`;
  if (isH5()) {
    let res: Response;
    try {
      res = await fetch(url, { headers });
    } catch {
      throw failureError({ message: NETWORK_ERROR_MESSAGE });
    }
    if (!res.ok) {
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON
      }
      throw failureError(failureOf({ status: res.status, body }));
    }
    const blob = await res.blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = filenameOf(res.headers.get('content-disposition'), fallback);
    link.className = 'cx-qn-csv-link';
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
    await Taro.shareFileMessage({ filePath: res.tempFilePath, fileName: fallback });
  } catch {
    throw failureError({ message: '文件已下载，但未能发送到聊天，请稍后重试' });
  }
}
