import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import MePage from '../../src/pages/me/index';
import { sessionStore } from '../../src/services/session-store';
import { taroMock } from '../mocks/taro';
import { makeBinding, makeMe, makeSession } from '../support/factories';

describe('me tab', () => {
  it('lists the bindings with role and scope labels', () => {
    const leader = makeBinding({
      bindingId: 'b-2',
      role: 'leader',
      scope: { level: 'district', districtId: 'erqi' },
      scopeLabel: '二七区',
    });
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [makeBinding(), leader] }) }));

    const { container } = render(<MePage />);

    expect(screen.getByText('王芳')).toBeTruthy();
    const rows = Array.from(container.querySelectorAll('.cx-binding-item')).map((r) => r.textContent);
    expect(rows).toEqual(['乡镇（街道）工作人员五里堡街道', '县级领导二七区']);
  });

  it('修改 opens 修改姓名; without a chosen name it says the person shows as 居民; the own work phone is shown', () => {
    sessionStore.setSession(
      makeSession({ me: makeMe({ user: { id: 'u1', displayName: '居民', isDemo: false, createdAt: '2026-11-27T00:00:00.000Z' } }) }),
    );
    const first = render(<MePage />);
    expect(screen.getByText('尚未设置姓名，署名来信时显示为「居民」')).toBeTruthy();
    fireEvent.click(screen.getByText('修改'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/identity/pages/profile/index' });
    first.unmount();

    const named = {
      id: 'u1',
      displayName: '赵小梅',
      isDemo: false,
      createdAt: '2026-11-27T00:00:00.000Z',
      nameSetAt: '2026-11-27T01:00:00.000Z',
    };
    sessionStore.setSession(makeSession({ me: makeMe({ user: { ...named, workPhone: '13900001111' } }) }));
    render(<MePage />);
    expect(screen.queryByText(/尚未设置姓名/)).toBeNull();
    expect(screen.getByText('工作电话 13900001111（仅上级可见）')).toBeTruthy();
  });

  it('隐私保护指引 opens WeChat’s page of the guide', () => {
    render(<MePage />);
    fireEvent.click(screen.getByText('隐私保护指引'));
    expect(taroMock.openPrivacyContract).toHaveBeenCalledTimes(1);
  });

  it('opens the bind page', () => {
    sessionStore.setSession(makeSession());
    render(<MePage />);

    fireEvent.click(screen.getByText('绑定身份'));

    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/identity/pages/bind/index' });
  });

  it('退出登录 forgets the session and returns to the home tab', () => {
    sessionStore.setSession(makeSession());
    render(<MePage />);

    fireEvent.click(screen.getByText('退出登录'));

    expect(sessionStore.token()).toBeUndefined();
    expect(sessionStore.get().signedOut).toBe(true);
    expect(taroMock.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
    expect(screen.getByText('尚未登录')).toBeTruthy();
  });

  it('offers 切换演示用户 only where demo login exists (H5 local)', () => {
    sessionStore.setSession(makeSession());
    const first = render(<MePage />);
    expect(screen.queryByText('切换演示用户')).toBeNull();
    first.unmount();

    process.env.TARO_ENV = 'h5';
    render(<MePage />);
    fireEvent.click(screen.getByText('切换演示用户'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/identity/pages/dev-login/index' });
  });

  it('links 通知发件箱 only where demo login exists (local mode)', () => {
    sessionStore.setSession(makeSession());
    const first = render(<MePage />);
    expect(screen.queryByText('通知发件箱')).toBeNull();
    first.unmount();

    process.env.TARO_ENV = 'h5';
    render(<MePage />);
    fireEvent.click(screen.getByText('通知发件箱'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/identity/pages/outbox/index' });
  });
});
