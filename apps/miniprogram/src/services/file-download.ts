import Taro from '@tarojs/taro';
import { isH5 } from '../config/runtime-config';
import { failureError, failureOf, NETWORK_ERROR_MESSAGE } from './api-failure';
import { sessionStore } from './session-store';

/**
 * Downloading a file the API answers with bytes rather than JSON (the XLSX and CSV exports), so it bypasses the
 * typed client. Shared by the reports, rankings and learning subpackages (only they import it, so the build copies
 * it into each of them, never into the main package).
 */
export interface FileDownload {
  /** The absolute API URL. */
  url: string;
  /** The file's name; in H5 the answer's Content-Disposition name wins when `nameFromHeader`. */
  fileName: string;
  nameFromHeader?: boolean;
  /** The H5 download link's className (browser tests look for it). */
  linkClassName: string;
  /**
   * weapp, once downloaded: open it with openDocument (its `fileType`; forward or save from there), or share it
   * to a chat (for types openDocument cannot open, e.g. CSV), with the message shown when that fails.
   */
  weapp: { open: 'xlsx' } | { share: true; failureMessage: string };
}

/** The name in a Content-Disposition (RFC 5987 `filename*=UTF-8''…` first, then a plain `filename=`), or `fallback`. */
export function filenameOf(disposition: string | null, fallback: string): string {
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

/** A refusal's body as a Failure: the API's JSON error when it is one, the text otherwise. */
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
 * Download with the session's token. H5: fetch it and save it through a blob link. weapp: downloadFile, then
 * openDocument or shareFileMessage (see `weapp`). Rejects with a Failure.
 */
export async function downloadFile(file: FileDownload): Promise<void> {
  const token = sessionStore.token();
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (isH5()) {
    let res: Response;
    try {
      res = await fetch(file.url, { headers });
    } catch {
      throw failureError({ message: NETWORK_ERROR_MESSAGE });
    }
    if (!res.ok) throw parseError(res.status, await res.text());
    const blob = await res.blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = file.nameFromHeader ? filenameOf(res.headers.get('content-disposition'), file.fileName) : file.fileName;
    link.className = file.linkClassName;
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
    res = await Taro.downloadFile({ url: file.url, header: headers });
  } catch {
    throw failureError({ message: NETWORK_ERROR_MESSAGE });
  }
  if (res.statusCode !== 200) throw failureError(failureOf({ status: res.statusCode, body: undefined }));
  const after = file.weapp;
  if ('open' in after) {
    try {
      await Taro.openDocument({ filePath: res.tempFilePath, fileType: after.open, showMenu: true });
    } catch {
      throw failureError({ message: '无法打开表格，请稍后重试' });
    }
    return;
  }
  try {
    await Taro.shareFileMessage({ filePath: res.tempFilePath, fileName: file.fileName });
  } catch {
    throw failureError({ message: after.failureMessage });
  }
}
