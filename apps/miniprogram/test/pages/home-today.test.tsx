import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import HomePage from '../../src/pages/index/index';
import { outboxChanged } from '../../src/services/report-outbox';
import { sessionStore } from '../../src/services/session-store';
import { shanghaiDay } from '../../src/subpackages/reports/services/shanghai-day';
import { storage } from '../mocks/taro';
import { makeBranch, makeMe, makeReport, makeReportDetail, makeSession } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';
import { secretary } from '../support/home-bindings';

const today = shanghaiDay();
const reportPath = `GET /v1/branches/jianxinnan/reports/${today}`;
const statusLine = () => document.querySelector('.cx-home-report-status')?.textContent;

function signedIn() {
  sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretary] }) }));
  return {
    'GET /v1/me': { status: 200, body: makeMe({ bindings: [secretary] }) },
    'GET /v1/daily-rules': { status: 200, body: { deadline: '21:30', maxBackfillDays: 1, reminderTime: '20:00' } },
    'GET /v1/org/branches/jianxinnan': { status: 200, body: { branch: makeBranch(), township: { id: 'wulibao', name: '五里堡街道' } } },
  };
}

describe('home: today’s report on the 填写今日日报 card', () => {
  it('not filed: 今日未报 with the rules’ deadline', async () => {
    fakeApi({ ...signedIn(), [reportPath]: errorReply(404, 'NOT_FOUND', '日报不存在') });
    render(<HomePage />);
    await waitFor(() => expect(statusLine()).toMatch(/^今日未报 · (已过 )?21:30 截止/));
    expect(screen.getByText('填写今日日报')).toBeTruthy();
  });

  it('filed: 今日已报 with the version', async () => {
    fakeApi({ ...signedIn(), [reportPath]: { status: 200, body: makeReportDetail({ report: makeReport({ day: today, version: 2 }) }) } });
    render(<HomePage />);
    await waitFor(() => expect(statusLine()).toBe('今日已报 · 第 2 版'));
  });

  it('queued on the device: 待发送; a send that completes while home is open shows at once', async () => {
    storage.set('cx.report.queue', [{ id: 'k1', branchId: 'jianxinnan', day: today, state: 'pending', createdAt: 1 }]);
    fakeApi({ ...signedIn(), [reportPath]: errorReply(404, 'NOT_FOUND', '日报不存在') });
    render(<HomePage />);
    await waitFor(() => expect(statusLine()).toBe('今日日报待发送 · 联网后自动发送'));

    // The reports subpackage's queue sends it, saves and says so.
    storage.set('cx.report.queue', [
      {
        id: 'k1',
        branchId: 'jianxinnan',
        day: today,
        state: 'sent',
        createdAt: 1,
        result: { report: makeReport({ day: today, version: 1 }) },
      },
    ]);
    await act(async () => outboxChanged());
    await waitFor(() => expect(statusLine()).toBe('今日已报 · 第 1 版'));
  });
});
