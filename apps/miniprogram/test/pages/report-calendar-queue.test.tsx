import { act, render, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import ReportCalendarPage from '../../src/subpackages/reports/pages/calendar/index';
import { shanghaiDay } from '../../src/subpackages/reports/services/shanghai-day';
import { emitNetworkChange, router, storage } from '../mocks/taro';
import { makeBranch, makeMe, makeReport, makeSession, secretaryBinding } from '../support/factories';
import { fakeApi } from '../support/fake-api';
import { offline } from '../support/report-edit-setup';

const today = shanghaiDay();
const BRANCH = { status: 200, body: { branch: makeBranch(), township: { id: 'wulibao', name: '五里堡街道' } } };
const RULES = { status: 200, body: { deadline: '22:00', maxBackfillDays: 1, reminderTime: '20:00' } };
const calendar = (status: 'missing' | 'on_time') => ({
  status: 200,
  body: {
    branchId: 'jianxinnan',
    month: today.slice(0, 7),
    days: [{ day: today, status }],
    counts: { onTime: status === 'on_time' ? 1 : 0, late: 0, missing: status === 'missing' ? 1 : 0, exempt: 0 },
  },
});
const queued = {
  id: 'k'.repeat(20),
  branchId: 'jianxinnan',
  day: today,
  body: {
    content: { items: [{ star: 'business', text: '走访' }], counts: {}, problems: '', tomorrowPlan: '', photos: [] },
    idempotencyKey: 'k'.repeat(20),
  },
  state: 'pending',
  attempts: 1,
  createdAt: 1,
  updatedAt: 1,
};
const cell = () => document.querySelector(`[data-day="${today}"]`) as HTMLElement;
const mark = () => cell().querySelector('.report-calendar__mark')?.textContent;

describe('我的日报日历: the device’s queue', () => {
  it('a queued report shows 待发送 at once; when the send completes the cell and the button change without a reload', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretaryBinding()] }) }));
    router.params = { branchId: 'jianxinnan' };
    storage.set('cx.report.queue', [queued]);
    let online = false;
    let calendars = 0;
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      'GET /v1/branches/jianxinnan/calendar': () => {
        calendars++;
        return calendar(online ? 'on_time' : 'missing');
      },
      [`PUT /v1/branches/jianxinnan/reports/${today}`]: () => {
        if (!online) return offline();
        return { status: 201, body: { report: makeReport({ day: today, version: 1 }), replayed: false } };
      },
    });

    render(<ReportCalendarPage />);
    await waitFor(() => expect(cell()).toBeTruthy());
    // The server's calendar says 未提交; the device knows better.
    await waitFor(() => expect(mark()).toBe('待发送'));
    expect(cell().getAttribute('data-status')).toBe('pending');
    expect(document.querySelector('.cx-calendar-today')?.textContent).toBe('今日日报待发送');
    expect(server.calls(`PUT /v1/branches/jianxinnan/reports/${today}`).length).toBeGreaterThanOrEqual(1);

    online = true;
    await act(async () => emitNetworkChange(true));
    await waitFor(() => expect(mark()).toBe('已提交'));
    expect(cell().getAttribute('data-status')).toBe('on_time');
    expect(document.querySelector('.cx-calendar-today')?.textContent).toBe('查看/修改今日日报');
    // The send refreshed the server's counts too.
    await waitFor(() => expect(calendars).toBeGreaterThanOrEqual(2));
    await waitFor(() => expect(document.querySelector('.cx-calendar-count--on_time')?.textContent).toBe('1已提交'));
  });

  it('offline: the device’s copy of the branch, no red 未提交 for unknown days, the queued day as 待发送', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretaryBinding()] }) }));
    router.params = { branchId: 'jianxinnan' };
    storage.set('cx.report.queue', [queued]);
    storage.set('cx.report.ctx.jianxinnan', {
      branch: { id: 'jianxinnan', name: '建新南街社区', type: 'community', townshipId: 'wulibao' },
      rules: RULES.body,
      reports: {},
      savedAt: Date.now(),
    });
    fakeApi({
      'GET /v1/org/branches/jianxinnan': () => offline(),
      'GET /v1/daily-rules': () => offline(),
      'GET /v1/branches/jianxinnan/calendar': () => offline(),
      [`PUT /v1/branches/jianxinnan/reports/${today}`]: () => offline(),
    });

    render(<ReportCalendarPage />);
    await waitFor(() => expect(document.querySelector('.cx-calendar-offline')).toBeTruthy());
    expect(mark()).toBe('待发送');
    expect(document.querySelectorAll('.report-status--missing.cx-calendar-day')).toHaveLength(0);
    expect(document.querySelector('.cx-calendar-count--missing')).toBeNull();
  });
});
