import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadFile, type FileDownload, filenameOf } from '../../src/services/file-download';
import { sessionStore } from '../../src/services/session-store';
import { taroMock } from '../mocks/taro';
import { makeSession } from '../support/factories';

const xlsx: FileDownload = {
  url: 'https://api.test.invalid/v1/things/export',
  fileName: '统计.xlsx',
  nameFromHeader: true,
  linkClassName: 'cx-test-export-link',
  weapp: { open: 'xlsx' },
};
const csv: FileDownload = { ...xlsx, fileName: '问卷结果_春季.csv', weapp: { share: true, failureMessage: '未能发送到聊天' } };

describe('filenameOf', () => {
  it('reads the RFC 5987 name, then a plain one, else the fallback', () => {
    expect(filenameOf(`attachment; filename*=UTF-8''${encodeURIComponent('日报统计_2026-01.xlsx')}`, 'x')).toBe('日报统计_2026-01.xlsx');
    expect(filenameOf('attachment; filename="plain.csv"', 'x')).toBe('plain.csv');
    expect(filenameOf("attachment; filename*=UTF-8''%E0%A4%A", 'fallback.xlsx')).toBe('fallback.xlsx');
    expect(filenameOf('attachment', 'fallback.xlsx')).toBe('fallback.xlsx');
    expect(filenameOf(null, 'fallback.xlsx')).toBe('fallback.xlsx');
  });
});

describe('downloadFile in WeChat', () => {
  it('downloads with the token and opens the workbook', async () => {
    sessionStore.setSession(makeSession());
    await downloadFile(xlsx);
    expect(taroMock.downloadFile).toHaveBeenCalledWith({ url: xlsx.url, header: { authorization: 'Bearer token-1' } });
    expect(taroMock.openDocument).toHaveBeenCalledWith({ filePath: 'tmp://export.xlsx', fileType: 'xlsx', showMenu: true });
  });

  it('shares a CSV to a chat under its name instead of opening it', async () => {
    await downloadFile(csv);
    expect(taroMock.downloadFile).toHaveBeenCalledWith({ url: csv.url, header: {} });
    expect(taroMock.shareFileMessage).toHaveBeenCalledWith({ filePath: 'tmp://export.xlsx', fileName: '问卷结果_春季.csv' });
    expect(taroMock.openDocument).not.toHaveBeenCalled();
  });

  it('rejects with the status when the API refuses, and with a message when nothing answers or it cannot be opened', async () => {
    taroMock.downloadFile.mockResolvedValueOnce({ tempFilePath: '', statusCode: 403, errMsg: 'downloadFile:ok' });
    await expect(downloadFile(xlsx)).rejects.toMatchObject({ status: 403 });
    taroMock.downloadFile.mockRejectedValueOnce(new Error('downloadFile:fail'));
    await expect(downloadFile(xlsx)).rejects.toMatchObject({ message: '网络连接失败，请检查网络后重试' });
    taroMock.openDocument.mockRejectedValueOnce(new Error('openDocument:fail'));
    await expect(downloadFile(xlsx)).rejects.toMatchObject({ message: '无法打开表格，请稍后重试' });
    taroMock.shareFileMessage.mockRejectedValueOnce(new Error('shareFileMessage:fail'));
    await expect(downloadFile(csv)).rejects.toMatchObject({ message: '未能发送到聊天' });
  });
});

describe('downloadFile in H5', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  function clicks() {
    const clicked: { download: string; className: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, className: this.className, href: this.href });
    });
    return clicked;
  }

  it('fetches with the token and saves through a blob link named by the answer', async () => {
    process.env.TARO_ENV = 'h5';
    sessionStore.setSession(makeSession());
    const fetched: { url: string; headers: unknown }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: { headers: unknown }) => {
      fetched.push({ url, headers: init.headers });
      return new Response('bytes', {
        status: 200,
        headers: { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('服务端.xlsx')}` },
      });
    });
    const clicked = clicks();
    await downloadFile(xlsx);
    await downloadFile({ ...xlsx, nameFromHeader: false });
    expect(fetched[0]).toEqual({ url: xlsx.url, headers: { authorization: 'Bearer token-1' } });
    expect(clicked.map((c) => [c.download, c.className])).toEqual([
      ['服务端.xlsx', 'cx-test-export-link'],
      ['统计.xlsx', 'cx-test-export-link'],
    ]);
    expect(clicked[0].href).toMatch(/^blob:/);
  });

  it("rejects with the API's error body", async () => {
    process.env.TARO_ENV = 'h5';
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ code: 'FORBIDDEN', message: '无权导出' }), { status: 403 }));
    const clicked = clicks();
    await expect(downloadFile(xlsx)).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN', message: '无权导出' });
    expect(clicked).toHaveLength(0);
  });
});
