import type { Notice, Subscription } from '@chuangxing/shared';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import InboxPage from '../../src/pages/inbox/index';
import { kindsFor } from '../../src/pages/inbox/wechat-reminders';
import { sessionStore } from '../../src/services/session-store';
import { resetConsent } from '../../src/services/subscribe-consent';
import { badgeText } from '../../src/services/unread-badge';
import { reachBottom, taroMock } from '../mocks/taro';
import { makeBinding, makeMe, makeSession } from '../support/factories';
import { fakeApi } from '../support/fake-api';

const notice = (n: number, over: Partial<Notice> = {}): Notice => ({
  id: `17950000000${String(n).padStart(2, '0')}-N${n}`,
  kind: 'daily_reminder',
  title: '日报提醒',
  body: `樱桃沟社区日报尚未提交（${n}）`,
  page: 'subpackages/reports/pages/edit/index?branchId=yingtaogou&day=2026-11-27',
  createdAt: `2026-11-27T12:${String(n).padStart(2, '0')}:00.000Z`,
  ...over,
});

const cadre = makeBinding({
  role: 'cadre',
  scope: { level: 'branch', districtId: 'erqi', townshipId: 'demo-gwh', branchId: 'yingtaogou' },
  scopeLabel: '示例管委会 · 樱桃沟社区',
});

describe('消息 (消息中心)', () => {
  beforeEach(() => {
    resetConsent();
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [cadre] }) }));
  });

  it('lists notices newest first with the unread marked, sets the tab badge, and pages on', async () => {
    const first = [notice(3), notice(2, { readAt: '2026-11-27T13:00:00.000Z' })];
    const server = fakeApi({
      'GET /v1/notices': (req) =>
        new URL(req.url).searchParams.get('cursor')
          ? { status: 200, body: { notices: [notice(1)], unread: 2 } }
          : { status: 200, body: { notices: first, unread: 2, nextCursor: 'bmV4dA' } },
    });
    const { container } = render(<InboxPage />);
    await waitFor(() => expect(container.querySelectorAll('.cx-inbox-item')).toHaveLength(2));
    expect(screen.getByText('2 条未读')).toBeTruthy();
    const items = Array.from(container.querySelectorAll('.cx-inbox-item'));
    expect(items.map((i) => i.getAttribute('data-read'))).toEqual(['no', 'yes']);
    expect(items[0].textContent).toContain('樱桃沟社区日报尚未提交（3）');
    expect(items[0].textContent).toContain('日报提醒');
    expect(taroMock.setTabBarBadge).toHaveBeenLastCalledWith({ index: 1, text: '2' });
    expect(server.calls('GET /v1/notices')[0].url).toContain('limit=20');

    await act(async () => reachBottom());
    await waitFor(() => expect(container.querySelectorAll('.cx-inbox-item')).toHaveLength(3));
    expect(new URL(server.calls('GET /v1/notices')[1].url).searchParams.get('cursor')).toBe('bmV4dA');
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('a tap marks the notice read and opens the page it is about; 全部已读 clears the badge', async () => {
    const server = fakeApi({
      'GET /v1/notices': { status: 200, body: { notices: [notice(2), notice(1)], unread: 2 } },
      [`POST /v1/notices/${notice(2).id}/read`]: { status: 200, body: { marked: 1, unread: 1 } },
      'POST /v1/notices/read-all': { status: 200, body: { marked: 1, unread: 0 } },
    });
    const { container } = render(<InboxPage />);
    await waitFor(() => expect(container.querySelectorAll('.cx-inbox-item')).toHaveLength(2));

    fireEvent.click(container.querySelectorAll('.cx-inbox-item')[0]);
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({
      url: '/subpackages/reports/pages/edit/index?branchId=yingtaogou&day=2026-11-27',
    });
    await waitFor(() => expect(taroMock.setTabBarBadge).toHaveBeenLastCalledWith({ index: 1, text: '1' }));
    expect(container.querySelectorAll('.cx-inbox-item')[0].getAttribute('data-read')).toBe('yes');
    expect(server.calls(`POST /v1/notices/${notice(2).id}/read`)).toHaveLength(1);

    // Already read: opening it again sends nothing.
    fireEvent.click(container.querySelectorAll('.cx-inbox-item')[0]);
    expect(server.calls(`POST /v1/notices/${notice(2).id}/read`)).toHaveLength(1);

    await act(async () => fireEvent.click(screen.getByText('全部已读')));
    await waitFor(() => expect(taroMock.removeTabBarBadge).toHaveBeenLastCalledWith({ index: 1 }));
    expect(Array.from(container.querySelectorAll('.cx-inbox-item')).map((i) => i.getAttribute('data-read'))).toEqual(['yes', 'yes']);
    expect(screen.getByText('没有未读消息')).toBeTruthy();
  });

  it('微信提醒: the kinds the caller can receive, what is left of their consent, and a tap to ask WeChat', async () => {
    const subs: Subscription[] = [
      { kind: 'daily_reminder', label: '日报提醒', templateId: 'TPL-D', mode: 'once', remaining: 2, active: false },
      { kind: 'letter_replied', label: '来信答复', templateId: 'TPL-R', mode: 'once', remaining: 0, active: false },
      { kind: 'ranking_published', label: '评比发布', templateId: 'TPL-P', mode: 'once', remaining: 0, active: false },
      { kind: 'plan_approved', label: '计划批准', mode: 'once', remaining: 0, active: false },
    ];
    fakeApi({
      'GET /v1/notices': { status: 200, body: { notices: [], unread: 0 } },
      'GET /v1/notices/subscriptions': { status: 200, body: { subscriptions: subs } },
    });
    const { container } = render(<InboxPage />);
    await waitFor(() => expect(container.querySelectorAll('.cx-inbox-reminder')).toHaveLength(2));
    expect(screen.getByText('还没有消息。')).toBeTruthy();
    expect(taroMock.removeTabBarBadge).toHaveBeenCalledWith({ index: 1 });
    // A cadre: no 评比发布 (leaders only); 计划批准 has no template here.
    const rows = Array.from(container.querySelectorAll('.cx-inbox-reminder'));
    expect(rows.map((r) => [r.getAttribute('data-kind'), r.querySelector('.cx-inbox-reminder-state')?.textContent?.trim()])).toEqual([
      ['letter_replied', '未订阅'],
      ['daily_reminder', '还可接收 2 条'],
    ]);
    fireEvent.click(rows[1].querySelector('.cx-inbox-reminder-ask') as Element);
    expect(taroMock.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['TPL-D'] });
  });

  it('signed out: asks to sign in and clears the badge', async () => {
    sessionStore.clear();
    fakeApi({});
    render(<InboxPage />);
    expect(await screen.findByText('登录后查看消息')).toBeTruthy();
    expect(taroMock.removeTabBarBadge).toHaveBeenCalledWith({ index: 1 });
  });

  it('helpers: the badge says 99+ past 99; each role hears its own kinds', () => {
    expect([badgeText(7), badgeText(99), badgeText(100)]).toEqual(['7', '99', '99+']);
    expect(kindsFor(undefined)).toEqual(['letter_accepted', 'letter_replied', 'letter_transferred']);
    const leader = makeBinding({ role: 'leader', scope: { level: 'township', districtId: 'erqi', townshipIds: ['wulibao'] } });
    expect(kindsFor(makeMe({ bindings: [leader] }))).toEqual([
      'letter_accepted',
      'letter_replied',
      'letter_transferred',
      'observation_open',
      'ranking_published',
    ]);
    // 督办 of overdue 廉情 letters goes to 纪检监察; the 督导员 keeps its 整改 and observation notices only.
    const discipline = makeBinding({ role: 'discipline', scope: { level: 'township', districtId: 'erqi', townshipIds: ['wulibao'] } });
    expect(kindsFor(makeMe({ bindings: [discipline] }))).toEqual([
      'letter_accepted',
      'letter_replied',
      'letter_transferred',
      'letter_overdue',
    ]);
    const inspector = makeBinding({ role: 'inspector', scope: { level: 'district', districtId: 'erqi' } });
    expect(kindsFor(makeMe({ bindings: [inspector] }))).not.toContain('letter_overdue');
  });
});
