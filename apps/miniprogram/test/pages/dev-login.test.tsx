import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import DevLoginPage from '../../src/subpackages/identity/pages/dev-login/index';
import { taroMock } from '../mocks/taro';
import { makeDevUser, makeMe, makeSession } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const users = [
  makeDevUser(),
  makeDevUser({ userId: 'demo-admin', displayName: '李强', role: 'district_admin', scopeLabel: '二七区' }),
  makeDevUser({ userId: 'demo-resident', displayName: '张大爷', role: 'resident', scopeLabel: '居民' }),
];

describe('dev-login page', () => {
  it('lists the demo users with their role and scope labels', async () => {
    fakeApi({ 'GET /v1/auth/dev-users': { status: 200, body: { users } } });

    const { container } = render(<DevLoginPage />);

    await screen.findByText('李强');
    const rows = Array.from(container.querySelectorAll('.cx-devuser-item')).map((r) => r.textContent);
    expect(rows).toEqual(['王芳乡镇（街道）工作人员五里堡街道', '李强区委组织部管理员二七区', '张大爷居民居民']);
  });

  it('logs in as the tapped user, stores the session and goes to the home tab', async () => {
    const session = makeSession({
      token: 'tok-admin',
      me: makeMe({ user: { id: 'demo-admin', displayName: '李强', isDemo: true, createdAt: '2025-01-01T00:00:00+08:00' } }),
    });
    const server = fakeApi({
      'GET /v1/auth/dev-users': { status: 200, body: { users } },
      'POST /v1/auth/dev-login': { status: 200, body: session },
    });

    render(<DevLoginPage />);
    fireEvent.click(await screen.findByText('李强'));

    await waitFor(() => expect(taroMock.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(server.calls('POST /v1/auth/dev-login')[0].body).toEqual({ userId: 'demo-admin' });
    expect(sessionStore.token()).toBe('tok-admin');
    expect(sessionStore.get().me?.user.displayName).toBe('李强');
  });

  it('shows the server message when the login is refused and stays on the page', async () => {
    fakeApi({
      'GET /v1/auth/dev-users': { status: 200, body: { users } },
      'POST /v1/auth/dev-login': errorReply(404, 'NOT_FOUND', '演示用户不存在'),
    });

    render(<DevLoginPage />);
    fireEvent.click(await screen.findByText('王芳'));

    expect(await screen.findByText('演示用户不存在')).toBeTruthy();
    expect(taroMock.switchTab).not.toHaveBeenCalled();
    expect(sessionStore.token()).toBeUndefined();
  });

  it('explains that demo login is local-only when the API has no demo users', async () => {
    fakeApi({ 'GET /v1/auth/dev-users': errorReply(404, 'ROUTE_NOT_FOUND', '接口不存在') });

    render(<DevLoginPage />);

    expect(await screen.findByText('演示登录仅在本地环境可用')).toBeTruthy();
  });
});
