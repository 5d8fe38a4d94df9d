import type { SubmitReportBody } from '@chuangxing/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { failureError } from '../../src/services/api-failure';
import { createDraftStore } from '../../src/subpackages/reports/offline/draft-store';
import { createSubmissionQueue, type SendSubmission } from '../../src/subpackages/reports/offline/submission-queue';
import { createReportSync, type ReportSync } from '../../src/subpackages/reports/services/report-sync';
import { fakeClock, fakeStorage } from '../support/fake-clock';

const DAY = '2025-06-10';
const UNAVAILABLE = () => failureError({ status: 503, code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后再试' });

describe('report sync: photos when the server answers 503', () => {
  let sync: ReportSync | undefined;
  afterEach(() => sync?.dispose());

  function setup(upload: (attempt: number) => Promise<string>) {
    const storage = fakeStorage();
    const clock = fakeClock(Date.parse(`${DAY}T10:00:00+08:00`));
    let uploads = 0;
    const presignAndUpload = vi.fn(async () => upload(++uploads));
    const send = vi.fn<SendSubmission>(async (s) => ({
      status: 201,
      body: { report: { version: 1, content: s.body.content }, replayed: false },
    }));
    sync = createReportSync({
      drafts: createDraftStore({ storage, clock }),
      queue: createSubmissionQueue({ storage, clock, send }),
      clock,
      presignAndUpload,
      fileExists: async () => true,
      discardFile: () => {},
    });
    sync.drafts.put({
      branchId: 'b1',
      day: DAY,
      items: [{ id: 'i1', star: 'branch_strong', text: '走访群众' }],
      counts: {},
      problems: '',
      tomorrowPlan: '',
      photos: [],
    });
    sync.addPhotos('b1', DAY, [{ localPath: 'wxfile://p1.jpg', size: 1000, contentType: 'image/jpeg' }]);
    return { clock, presignAndUpload, send, sync };
  }

  const photo = (s: ReportSync) => s.drafts.get('b1', DAY)?.photos[0];

  it('a photo refused with 503 is said to wait for the server (not the network) and is tried again by itself', async () => {
    const { clock, presignAndUpload, send, sync } = setup(async (n) => {
      if (n <= 3) throw UNAVAILABLE();
      return `daily-report/b1/${DAY}/photo0001.jpg`;
    });
    await clock.advance(0);
    expect(photo(sync)).toMatchObject({ state: 'failed', retryable: true, error: '服务器暂时繁忙，稍后自动上传' });
    // 提交 now: it tries the photo once more at the tap (still 503) and waits for it instead of being refused.
    expect(sync.submit('b1', DAY)).toEqual({ kind: 'waiting' });
    await clock.advance(0);
    expect(presignAndUpload).toHaveBeenCalledTimes(2);

    // No network event, no tap: 5 s after the first refusal it is tried again (503), then 10 s later it goes up.
    await clock.advance(4_999);
    expect(presignAndUpload).toHaveBeenCalledTimes(2);
    await clock.advance(1);
    expect(presignAndUpload).toHaveBeenCalledTimes(3);
    await clock.advance(9_999);
    expect(presignAndUpload).toHaveBeenCalledTimes(3);
    await clock.advance(1);
    expect(presignAndUpload).toHaveBeenCalledTimes(4);
    // …and the 提交 that waited for it went out, with the photo; the filed draft is done with.
    await clock.advance(0);
    expect(send).toHaveBeenCalledTimes(1);
    expect(sync.drafts.get('b1', DAY)).toBeUndefined();
    expect((send.mock.calls[0][0].body as SubmitReportBody).content.photos).toEqual([
      expect.objectContaining({ key: `daily-report/b1/${DAY}/photo0001.jpg` }),
    ]);
  });

  it('a network failure still waits for the network: no timer retries it', async () => {
    const { clock, presignAndUpload, sync } = setup(async () => {
      throw failureError({ message: '网络连接失败，请检查网络后重试' });
    });
    await clock.advance(0);
    expect(photo(sync)).toMatchObject({ state: 'failed', retryable: true, error: '网络不畅，联网后自动上传' });
    await clock.advance(10 * 60_000);
    expect(presignAndUpload).toHaveBeenCalledTimes(1);
  });
});
