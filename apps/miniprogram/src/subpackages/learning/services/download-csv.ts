import { apiBaseUrl } from '../../../config/runtime-config';
import { downloadFile } from '../../../services/file-download';

/** The export route answers with CSV bytes rather than JSON, so it bypasses the typed client. */
export function questionnaireCsvUrl(id: string): string {
  return `${apiBaseUrl().replace(/\/$/, '')}/v1/questionnaires/${encodeURIComponent(id)}/export`;
}

/**
 * Download a questionnaire's responses as CSV (UTF-8 with BOM, so Excel shows the Chinese). H5: a blob link.
 * weapp: downloadFile with the token, then share the file to a chat (openDocument does not open CSV), from
 * where it can be opened on a computer. Rejects with a Failure.
 */
export async function downloadQuestionnaireCsv(id: string, title: string): Promise<void> {
  return downloadFile({
    url: questionnaireCsvUrl(id),
    fileName: `问卷结果_${title}.csv`,
    nameFromHeader: true,
    linkClassName: 'cx-qn-csv-link',
    weapp: { share: true, failureMessage: '文件已下载，但未能发送到聊天，请稍后重试' },
  });
}
