import type { TownshipDayCompliance } from '@chuangxing/shared';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import ReportDashboardPage from '../../src/subpackages/reports/pages/dashboard/index';
import { addDays, shanghaiDay } from '../../src/subpackages/reports/services/shanghai-day';
import { pullDownRefresh, router, taroMock } from '../mocks/taro';
import { makeBinding, makeMe, makeSession } from '../support/factories';
import { fakeApi } from '../support/fake-api';

const today = shanghaiDay();

function compliance(day = today): TownshipDayCompliance {
  return {
    township: { id: 'wulibao', name: '五里堡街道' },
    day,
    deadline: '22:00',
    deadlinePassed: false,
    counts: { branches: 5, expected: 4, onTime: 2, late: 1, missing: 1, exempt: 1, rate: 0.75 },
    branches: [
      { branchId: 'b-on', name: '按时社区', type: 'community', status: 'on_time', submittedAt: `${day}T18:00:00+08:00` },
      { branchId: 'b-ex', name: '免报社区', type: 'community', status: 'exempt', exemptReason: '请假' },
      { branchId: 'b-late', name: '迟交社区', type: 'community', status: 'late', submittedAt: `${day}T21:00:00+08:00` },
      { branchId: 'b-miss', name: '未交社区', type: 'community', status: 'missing' },
      { branchId: 'b-on2', name: '又一按时社区', type: 'community', status: 'on_time', submittedAt: `${day}T19:00:00+08:00` },
    ],
  };
}

describe('乡镇日报看板', () => {
  it('township staff: the rate, missing branches first, then late, on time and exempt; rows open detail or calendar', async () => {
    sessionStore.setSession(makeSession()); // township staff of 五里堡街道
    router.params = {};
    const server = fakeApi({ 'GET /v1/townships/wulibao/compliance': { status: 200, body: compliance() } });

    const { container } = render(<ReportDashboardPage />);

    await waitFor(() => expect(container.querySelector('.cx-dashboard-rate')?.textContent).toBe('75%'));
    expect(server.calls('GET /v1/townships/wulibao/compliance')[0].url).toContain(`day=${today}`);
    expect(screen.getByText('截止 22:00')).toBeTruthy();
    const rows = Array.from(container.querySelectorAll('.cx-dashboard-branch'));
    expect(rows.map((r) => r.querySelector('.report-row__title')?.textContent)).toEqual([
      '未交社区',
      '迟交社区',
      '按时社区',
      '又一按时社区',
      '免报社区',
    ]);
    expect(rows.map((r) => r.querySelector('.cx-dashboard-status')?.textContent)).toEqual(['未提交', '迟交', '已提交', '已提交', '免报']);

    fireEvent.click(rows[1]);
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({ url: `/subpackages/reports/pages/detail/index?branchId=b-late&day=${today}` });
    fireEvent.click(rows[0]);
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({
      url: `/subpackages/reports/pages/calendar/index?branchId=b-miss&month=${today.slice(0, 7)}`,
    });
  });

  it('一键提醒 asks first, calls the route for the day and reports how many were reminded', async () => {
    sessionStore.setSession(makeSession());
    router.params = { townshipId: 'wulibao' };
    const server = fakeApi({
      'GET /v1/townships/wulibao/compliance': { status: 200, body: compliance() },
      'POST /v1/townships/wulibao/reminders': {
        status: 200,
        body: {
          day: today,
          branches: 1,
          recipients: 3,
          reached: [{ branchId: 'b-miss', name: '未交社区', people: 3 }],
          unbound: [],
          inboxOnly: [],
        },
      },
    });

    const { container } = render(<ReportDashboardPage />);
    await waitFor(() => expect(container.querySelector('.cx-dashboard-remind')).toBeTruthy());
    const remind = container.querySelector('.cx-dashboard-remind') as HTMLButtonElement;
    expect(remind.textContent).toBe('一键提醒未提交（1）');

    taroMock.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    await act(async () => fireEvent.click(remind));
    expect(server.calls('POST /v1/townships/wulibao/reminders')).toHaveLength(0);

    await act(async () => fireEvent.click(remind));
    await waitFor(() => expect(server.calls('POST /v1/townships/wulibao/reminders')).toHaveLength(1));
    expect(server.calls('POST /v1/townships/wulibao/reminders')[0].body).toEqual({ day: today });
    expect(taroMock.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '一键提醒', content: '将向 1 个未提交支部的干部发送提醒，确定吗？' }),
    );
    // Said plainly, on the page: how many branches and people, and how many of them WeChat reached.
    await waitFor(() =>
      expect(container.querySelector('.cx-reminded-summary')?.textContent).toBe('已提醒 1 个支部 3 人；3 人收到微信通知'),
    );
    expect(Array.from(container.querySelectorAll('.cx-reminded-branch')).map((e) => e.textContent)).toEqual(['未交社区（3 人）']);
  });

  it('the reminder names who heard only in the 消息中心 and the branches nobody is bound to; missing branches show whom to call', async () => {
    sessionStore.setSession(makeSession());
    router.params = { townshipId: 'wulibao' };
    const data = compliance();
    data.branches.push({ branchId: 'b-empty', name: '空白社区', type: 'community', status: 'missing' });
    data.counts = { ...data.counts, missing: 2 };
    fakeApi({
      'GET /v1/townships/wulibao/compliance': { status: 200, body: data },
      'GET /v1/townships/wulibao/filers': {
        status: 200,
        body: {
          branches: [
            {
              branchId: 'b-miss',
              filers: [
                { userId: 'u-li', name: '李明', role: 'cadre', phone: '13800000001' },
                { userId: 'u-zhang', name: '张书记', role: 'secretary' },
              ],
            },
          ],
        },
      },
      'POST /v1/townships/wulibao/reminders': {
        status: 200,
        body: {
          day: today,
          branches: 2,
          recipients: 1,
          reached: [{ branchId: 'b-miss', name: '未交社区', people: 2 }],
          unbound: [{ branchId: 'b-empty', name: '空白社区' }],
          inboxOnly: [{ userId: 'u-zhang', name: '张书记', branchId: 'b-miss', branchName: '未交社区' }],
        },
      },
    });
    const { container } = render(<ReportDashboardPage />);
    await waitFor(() => expect(container.querySelectorAll('.cx-dashboard-contact')).toHaveLength(2));
    expect(Array.from(container.querySelectorAll('.cx-dashboard-contact')).map((e) => e.textContent)).toEqual([
      '李明 · 干部拨打 13800000001',
      '张书记 · 书记未留电话',
    ]);
    expect(container.querySelector('.cx-dashboard-unbound')?.textContent).toBe('无人绑定，无法提醒');
    fireEvent.click(container.querySelector('.cx-dashboard-call') as Element);
    expect(taroMock.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13800000001' });
    expect(taroMock.navigateTo).not.toHaveBeenCalled(); // the call does not open the branch

    await act(async () => fireEvent.click(container.querySelector('.cx-dashboard-remind') as Element));
    await waitFor(() => expect(container.querySelector('.cx-reminded-summary')).toBeTruthy());
    expect(container.querySelector('.cx-reminded-summary')?.textContent).toBe(
      '已提醒 1 个支部 2 人；1 人收到微信通知；1 人仅收到站内消息；1 个支部无人绑定，未能提醒',
    );
    expect(container.querySelector('.cx-reminded-person')?.textContent).toBe('张书记 · 未交社区');
    expect(container.querySelector('.cx-reminded-unbound-branch')?.textContent).toBe('空白社区');
    expect(taroMock.showToast).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('知道了'));
    expect(container.querySelector('.cx-dashboard-reminded')).toBeNull();
  });

  it('inspectors see no remind button; previous days come from the day switcher; pull-down refreshes', async () => {
    const inspector = makeBinding({ role: 'inspector', scope: { level: 'district', districtId: 'erqi' }, scopeLabel: '二七区' });
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [inspector] }) }));
    router.params = { townshipId: 'wulibao' };
    const server = fakeApi({
      'GET /v1/townships/wulibao/compliance': (req) => ({
        status: 200,
        body: compliance(new URL(req.url).searchParams.get('day') ?? today),
      }),
    });

    const { container } = render(<ReportDashboardPage />);
    await waitFor(() => expect(container.querySelector('.cx-dashboard-rate')).toBeTruthy());
    expect(container.querySelector('.cx-dashboard-remind')).toBeNull();

    fireEvent.click(screen.getByText('‹ 前一天'));
    await waitFor(() => expect(server.calls('GET /v1/townships/wulibao/compliance')).toHaveLength(2));
    expect(server.calls('GET /v1/townships/wulibao/compliance')[1].url).toContain(`day=${addDays(today, -1)}`);

    await act(async () => pullDownRefresh());
    await waitFor(() => expect(taroMock.stopPullDownRefresh).toHaveBeenCalled());
    expect(server.calls('GET /v1/townships/wulibao/compliance')).toHaveLength(3);
  });

  it('导出 downloads the XLSX of this month so far with the token and opens it', async () => {
    sessionStore.setSession(makeSession());
    router.params = { townshipId: 'wulibao' };
    fakeApi({ 'GET /v1/townships/wulibao/compliance': { status: 200, body: compliance() } });

    render(<ReportDashboardPage />);
    fireEvent.click(await screen.findByText('导出'));
    fireEvent.click(screen.getByText('下载表格'));

    await waitFor(() =>
      expect(taroMock.openDocument).toHaveBeenCalledWith({ filePath: 'tmp://export.xlsx', fileType: 'xlsx', showMenu: true }),
    );
    expect(taroMock.downloadFile).toHaveBeenCalledWith({
      url: `https://api.test.invalid/v1/townships/wulibao/compliance/export?from=${today.slice(0, 7)}-01&to=${today}`,
      header: { authorization: 'Bearer token-1' },
    });
  });

  it('district roles without a township pick one from the per-township rates', async () => {
    const admin = makeBinding({ role: 'district_admin', scope: { level: 'district', districtId: 'erqi' }, scopeLabel: '二七区' });
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [admin] }) }));
    router.params = {};
    const counts = (rate: number, missing: number) => ({
      branches: 10,
      expected: 10,
      onTime: 10 - missing,
      late: 0,
      missing,
      exempt: 0,
      rate,
    });
    fakeApi({
      'GET /v1/compliance': {
        status: 200,
        body: {
          day: today,
          townships: [
            { townshipId: 'wulibao', name: '五里堡街道', isDemo: false, counts: counts(0.9, 1) },
            { townshipId: 'houzhai', name: '侯寨乡', isDemo: true, counts: counts(0.5, 5) },
          ],
          totals: { branches: 20, expected: 20, onTime: 14, late: 0, missing: 6, exempt: 0, rate: 0.7 },
        },
      },
    });

    const { container } = render(<ReportDashboardPage />);
    await waitFor(() => expect(container.querySelector('.cx-dashboard-rate')?.textContent).toBe('70%'));
    expect(Array.from(container.querySelectorAll('.cx-dashboard-township-rate')).map((r) => r.textContent)).toEqual(['90%', '50%']);
    fireEvent.click(screen.getByText('侯寨乡'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: `/subpackages/reports/pages/dashboard/index?townshipId=houzhai&day=${today}` });
  });
});
