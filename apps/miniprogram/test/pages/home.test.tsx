import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import HomePage from '../../src/pages/index/index';
import { sessionStore } from '../../src/services/session-store';
import { storage, taroMock } from '../mocks/taro';
import { makeBinding, makeMe, makeSession } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';
import { secretary } from '../support/home-bindings';

describe('home tab', () => {
  it('weapp: logs in with WeChat by itself and greets the user with roles and scopes', async () => {
    const server = fakeApi({
      'POST /v1/auth/wechat': { status: 200, body: makeSession({ token: 'tok-wx' }) },
      'GET /v1/me': { status: 200, body: makeMe() },
    });

    const { container } = render(<HomePage />);

    const greeting = await screen.findByText('您好，王芳');
    expect(greeting.className).toContain('cx-home-greeting');
    expect(server.calls('POST /v1/auth/wechat')[0].body).toEqual({ code: 'wx-code-1' });
    expect(sessionStore.token()).toBe('tok-wx');
    const profile = container.querySelector('.home-profile') as HTMLElement;
    expect(within(profile).getByText('乡镇（街道）工作人员')).toBeTruthy();
    expect(within(profile).getByText('乡镇（街道）工作人员 · 五里堡街道')).toBeTruthy();
  });

  it('weapp: shows the login failure with 重试', async () => {
    fakeApi({
      'POST /v1/auth/wechat': [errorReply(502, 'WECHAT_LOGIN_FAILED', '微信登录服务暂时不可用'), { status: 200, body: makeSession() }],
    });

    render(<HomePage />);

    expect(await screen.findByText('微信登录服务暂时不可用')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('您好，王芳')).toBeTruthy();
  });

  it('weapp: after 退出登录 it waits for the user instead of logging in again', () => {
    sessionStore.clear({ signedOut: true });
    const server = fakeApi({});

    render(<HomePage />);

    expect(screen.getByText('微信一键登录')).toBeTruthy();
    expect(server.sent).toHaveLength(0);
  });

  it('H5: offers the demo-user picker instead of a WeChat login', () => {
    process.env.TARO_ENV = 'h5';
    const server = fakeApi({});

    render(<HomePage />);

    fireEvent.click(screen.getByText('选择演示用户登录'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/identity/pages/dev-login/index' });
    expect(taroMock.login).not.toHaveBeenCalled();
    expect(server.sent).toHaveLength(0);
  });

  it('logged in: refreshes the profile on show and opens shortcuts', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretary] }) }));
    fakeApi({
      'GET /v1/me': {
        status: 200,
        body: makeMe({
          user: { id: 'u1', displayName: '赵书记', isDemo: true, createdAt: '2025-01-01T00:00:00+08:00' },
          bindings: [secretary],
        }),
      },
    });

    render(<HomePage />);

    expect(await screen.findByText('您好，赵书记')).toBeTruthy();
    fireEvent.click(screen.getByText('我的支部'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/org/pages/branch/index?id=jianxinnan' });
    fireEvent.click(screen.getByText('填写今日日报'));
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/reports/pages/edit/index?branchId=jianxinnan' });
    fireEvent.click(screen.getByText('清风邮局'));
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/mailbox/pages/write/index' });
    expect(taroMock.navigateTo).toHaveBeenCalledTimes(3);
  });

  it('a leader’s 季度排名 card opens the ranking (no card is a coming-soon placeholder any more)', async () => {
    const leader = makeBinding({ role: 'leader', scope: { level: 'district', districtId: 'erqi' }, scopeLabel: '二七区' });
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [leader] }) }));
    fakeApi({ 'GET /v1/me': { status: 200, body: makeMe({ bindings: [leader] }) } });

    render(<HomePage />);

    fireEvent.click(await screen.findByText('季度排名'));
    expect(taroMock.showToast).not.toHaveBeenCalled();
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/subpackages\/rankings\/pages\/list\/index/) });
  });

  it('shows a report still waiting in the device’s send queue', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretary] }) }));
    storage.set('cx.report.queue', [{ id: 'k', branchId: 'jianxinnan', day: '2025-06-10', state: 'pending' }]);
    fakeApi({ 'GET /v1/me': { status: 200, body: makeMe({ bindings: [secretary] }) } });

    render(<HomePage />);

    fireEvent.click(await screen.findByText('日报待发送'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/reports/pages/edit/index?branchId=jianxinnan&day=2025-06-10' });
  });

  it('drops the session when getMe still says 401 after re-login', async () => {
    process.env.TARO_ENV = 'h5';
    sessionStore.setSession(makeSession());
    fakeApi({ 'GET /v1/me': errorReply(401, 'UNAUTHENTICATED', '请先登录') });

    render(<HomePage />);

    expect(await screen.findByText('选择演示用户登录')).toBeTruthy();
    await waitFor(() => expect(sessionStore.token()).toBeUndefined());
  });
});
