import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import ReportDetailPage from '../../src/subpackages/reports/pages/detail/index';
import { shanghaiDay } from '../../src/subpackages/reports/services/shanghai-day';
import { emitNetworkChange, router, storage } from '../mocks/taro';
import { makeBranch, makeMe, makeReport, makeReportDetail, makeSession, secretaryBinding } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';
import { offline } from '../support/report-edit-setup';

const today = shanghaiDay();
const path = `/v1/branches/jianxinnan/reports/${today}`;

describe('日报详情: the device’s queue', () => {
  it('a report still on the device shows 待发送 instead of 未提交, and the sent version once the send completes', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretaryBinding()] }) }));
    router.params = { branchId: 'jianxinnan', day: today };
    storage.set('cx.report.queue', [
      {
        id: 'q'.repeat(20),
        branchId: 'jianxinnan',
        day: today,
        body: {
          content: { items: [{ star: 'business', text: '走访' }], counts: {}, problems: '', tomorrowPlan: '', photos: [] },
          idempotencyKey: 'q'.repeat(20),
        },
        state: 'pending',
        attempts: 1,
        createdAt: 1,
        updatedAt: 1,
      },
    ]);
    let online = false;
    const report = makeReport({
      day: today,
      version: 1,
      content: { items: [{ star: 'business', text: '走访' }], counts: {}, problems: '', tomorrowPlan: '', photos: [] },
    });
    fakeApi({
      'GET /v1/org/branches/jianxinnan': { status: 200, body: { branch: makeBranch(), township: { id: 'wulibao', name: '五里堡街道' } } },
      'GET /v1/daily-rules': { status: 200, body: { deadline: '22:00', maxBackfillDays: 1, reminderTime: '20:00' } },
      [`GET ${path}`]: () => (online ? { status: 200, body: makeReportDetail({ report }) } : errorReply(404, 'NOT_FOUND', '日报不存在')),
      [`PUT ${path}`]: () => (online ? { status: 201, body: { report, replayed: false } } : offline()),
    });

    render(<ReportDetailPage />);
    expect(await screen.findByText('本机有一份日报待发送')).toBeTruthy();
    expect(screen.queryByText(/未提交日报/)).toBeNull();

    online = true;
    await act(async () => emitNetworkChange(true));
    await waitFor(() => expect(document.querySelector('.cx-report-detail-status')?.textContent).toBe('已提交'));
    expect(document.querySelector('.cx-report-detail-queued')).toBeNull();
  });
});
