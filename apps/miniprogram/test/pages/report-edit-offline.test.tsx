import type { SubmitReportBody } from '@chuangxing/shared';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import ReportEditPage from '../../src/subpackages/reports/pages/edit/index';
import { resetReportSync } from '../../src/subpackages/reports/services/report-sync';
import { emitAppShow, emitNetworkChange, taroMock } from '../mocks/taro';
import { errorReply, fakeApi } from '../support/fake-api';
import {
  asSecretary,
  BRANCH,
  created,
  filed,
  fillFirstItem,
  NOT_FILED,
  offline,
  photoKey,
  RULES,
  reportPath,
  status,
  submitButton,
  today,
} from '../support/report-edit-setup';

describe('填写日报: offline and photos', () => {
  it('offline: the submission is queued as 待发送, survives a failed retry, and is sent once with the same key when the network returns', async () => {
    asSecretary();
    let online = false;
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET ${reportPath}`]: [NOT_FILED, filed()],
      [`PUT ${reportPath}`]: (req) => (online ? created(req) : offline()),
    });

    render(<ReportEditPage />);
    await fillFirstItem('调解邻里纠纷');
    fireEvent.click(submitButton());

    await waitFor(() => expect(status()).toBe('待发送'));
    expect(await screen.findByText('网络不可用：已保存在本机，联网后自动发送')).toBeTruthy();
    const first = server.calls(`PUT ${reportPath}`);
    expect(first).toHaveLength(1);

    // App comes to the foreground, still offline: tried again, still waiting.
    await act(async () => emitAppShow());
    await waitFor(() => expect(server.calls(`PUT ${reportPath}`)).toHaveLength(2));
    expect(status()).toBe('待发送');

    online = true;
    await act(async () => {
      emitNetworkChange(true);
      emitAppShow();
    });
    await waitFor(() => expect(status()).toBe('已提交'));
    const puts = server.calls(`PUT ${reportPath}`);
    expect(puts).toHaveLength(3);
    const keys = puts.map((p) => (p.body as SubmitReportBody).idempotencyKey);
    expect(new Set(keys).size).toBe(1);

    // Nothing more goes out later.
    await act(async () => emitNetworkChange(true));
    await new Promise((r) => setTimeout(r, 20));
    expect(server.calls(`PUT ${reportPath}`)).toHaveLength(3);
  });

  it('the server answers 503 (database down): 待发送 with "try again later", never 提交未成功, sent once it is back', async () => {
    asSecretary();
    let down = true;
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET ${reportPath}`]: [NOT_FILED, filed()],
      [`PUT ${reportPath}`]: (req) => (down ? errorReply(503, 'UNAVAILABLE', '服务暂时不可用，请稍后再试') : created(req)),
    });

    render(<ReportEditPage />);
    await fillFirstItem('停电时也能提交');
    fireEvent.click(submitButton());

    expect(await screen.findByText('服务器暂时繁忙：已保存在本机，稍后自动重试')).toBeTruthy();
    expect(status()).toBe('待发送');
    expect(screen.queryByText('提交未成功')).toBeNull();
    expect(screen.queryByText('网络不可用：已保存在本机，联网后自动发送')).toBeNull();

    down = false;
    fireEvent.click(submitButton()); // 待发送 · 点此立即重试
    await waitFor(() => expect(status()).toBe('已提交'));
    const keys = server.calls(`PUT ${reportPath}`).map((p) => (p.body as SubmitReportBody).idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
  });

  it('keeps the draft on the device: after an app restart the page shows what was typed', async () => {
    asSecretary();
    fakeApi({ 'GET /v1/org/branches/jianxinnan': BRANCH, 'GET /v1/daily-rules': RULES, [`GET ${reportPath}`]: NOT_FILED });

    const first = render(<ReportEditPage />);
    await fillFirstItem('没写完的日报');
    await waitFor(() => expect(taroMock.setStorageSync).toHaveBeenCalledWith(`cx.report.draft.jianxinnan.${today}`, expect.anything()), {
      timeout: 2000,
    });
    first.unmount();
    resetReportSync(); // the app is killed; the next run only has storage

    render(<ReportEditPage />);
    await screen.findByText('第 1 项');
    expect((document.querySelector('.cx-report-item-text') as HTMLTextAreaElement).value).toBe('没写完的日报');
    expect(status()).toBe('草稿');
  });

  it('photos: compressed before upload, presigned photo and thumbnail, shown as uploaded, keys in the body', async () => {
    asSecretary();
    let n = 0;
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET ${reportPath}`]: [NOT_FILED, filed()],
      'POST /v1/uploads/photos': () => ({
        status: 200,
        body: {
          key: photoKey(++n),
          url: 'https://storage.test/upload',
          fields: { key: photoKey(n), 'Content-Type': 'image/jpeg' },
          maxBytes: 2097152,
          expiresAt: '2999-01-01T00:00:00+08:00',
        },
      }),
      [`PUT ${reportPath}`]: (req) => created(req),
    });

    render(<ReportEditPage />);
    await fillFirstItem('带照片的日报');
    fireEvent.click(document.querySelector('.cx-report-photo-input')!);

    await waitFor(() => expect(document.querySelector('.cx-report-photo')?.getAttribute('data-state')).toBe('uploaded'));
    expect(document.querySelector('.cx-report-photo')?.classList.contains('is-uploaded')).toBe(true);
    expect(taroMock.compressImage).toHaveBeenCalledWith({ src: 'tmp://photo-1.jpg', quality: 60, compressedWidth: 1280 });
    expect(taroMock.compressImage).toHaveBeenCalledWith({ src: 'tmp://photo-1.jpg', quality: 50, compressedWidth: 240 });
    const presigns = server.calls('POST /v1/uploads/photos').map((r) => r.body);
    expect(presigns).toEqual([
      { branchId: 'jianxinnan', day: today, variant: 'photo', contentType: 'image/jpeg', size: 150000 },
      { branchId: 'jianxinnan', day: today, variant: 'thumb', contentType: 'image/jpeg', size: 150000 },
    ]);
    expect(taroMock.uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({
        url: 'https://storage.test/upload',
        filePath: 'saved://photo-1-1280.jpg',
        name: 'file',
        formData: { key: photoKey(1), 'Content-Type': 'image/jpeg' },
      }),
    );

    fireEvent.click(submitButton());
    await waitFor(() => expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1));
    expect((server.calls(`PUT ${reportPath}`)[0].body as SubmitReportBody).content.photos).toEqual([
      { key: photoKey(1), thumbKey: photoKey(2) },
    ]);
  });

  it('a photo that could not upload offline keeps its local file; 提交 waits for it and everything goes out when the network returns', async () => {
    asSecretary();
    let online = false;
    let n = 0;
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET ${reportPath}`]: [NOT_FILED, filed()],
      'POST /v1/uploads/photos': () =>
        online
          ? {
              status: 200,
              body: {
                key: photoKey(++n),
                url: 'https://storage.test/upload',
                fields: { key: photoKey(n) },
                maxBytes: 2097152,
                expiresAt: '2999-01-01T00:00:00+08:00',
              },
            }
          : offline(),
      [`PUT ${reportPath}`]: (req) => created(req),
    });

    render(<ReportEditPage />);
    await fillFirstItem('离线拍的照片');
    fireEvent.click(document.querySelector('.cx-report-photo-input')!);
    await waitFor(() => expect(document.querySelector('.cx-report-photo')?.getAttribute('data-state')).toBe('failed'));
    expect(screen.getByText('上传失败')).toBeTruthy();

    fireEvent.click(submitButton());
    await waitFor(() => expect(status()).toBe('待发送'));
    expect(server.calls(`PUT ${reportPath}`)).toHaveLength(0);

    online = true;
    await act(async () => emitNetworkChange(true));
    await waitFor(() => expect(status()).toBe('已提交'));
    expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1);
    expect((server.calls(`PUT ${reportPath}`)[0].body as SubmitReportBody).content.photos).toEqual([
      { key: photoKey(1), thumbKey: photoKey(2) },
    ]);
  });
});
