import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import OrgPage from '../../src/pages/org/index';
import { sessionStore } from '../../src/services/session-store';
import { taroMock } from '../mocks/taro';
import { makeMe, makeOrgTree, makeSession } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

function townshipCards(container: HTMLElement) {
  return Array.from(container.querySelectorAll<HTMLElement>('.cx-township-item'));
}

describe('org tab', () => {
  it('renders the district totals and one card per township with its counts', async () => {
    sessionStore.setSession(makeSession());
    fakeApi({ 'GET /v1/org/tree': { status: 200, body: makeOrgTree() } });

    const { container } = render(<OrgPage />);

    expect(screen.getByText('加载中…')).toBeTruthy();
    await screen.findByText('二七区');
    const cards = townshipCards(container);
    expect(cards.map((c) => c.querySelector('.org-township__name')?.textContent)).toEqual(['五里堡街道', '德化街街道', '侯寨乡']);
    const houzhai = within(cards[2]);
    expect(houzhai.getByText('乡')).toBeTruthy();
    expect(houzhai.getByText('示例')).toBeTruthy();
    expect(houzhai.getByText('农村 12')).toBeTruthy();
    expect(houzhai.getByText('社区 2')).toBeTruthy();
    expect(houzhai.getByText('合计 14')).toBeTruthy();
    // Real units carry no 示例 tag.
    expect(within(cards[0]).queryByText('示例')).toBeNull();
    // District totals: 0+0+12 rural, 9+6+2 community.
    const district = container.querySelector('.org-district') as HTMLElement;
    expect(within(district).getByText('农村 12')).toBeTruthy();
    expect(within(district).getByText('社区 17')).toBeTruthy();
    expect(within(district).getByText('合计 29')).toBeTruthy();
  });

  it('opens the township page when a card is tapped', async () => {
    sessionStore.setSession(makeSession());
    fakeApi({ 'GET /v1/org/tree': { status: 200, body: makeOrgTree() } });

    render(<OrgPage />);
    fireEvent.click(await screen.findByText('德化街街道'));

    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/org/pages/township/index?id=dehuajie' });
  });

  it('shows the server message and 重试 on a 500, and loads on retry', async () => {
    sessionStore.setSession(makeSession());
    const server = fakeApi({
      'GET /v1/org/tree': [errorReply(500, 'INTERNAL', '服务器开小差了，请稍后再试'), { status: 200, body: makeOrgTree() }],
    });

    const { container } = render(<OrgPage />);

    expect(await screen.findByText('服务器开小差了，请稍后再试')).toBeTruthy();
    expect(townshipCards(container)).toHaveLength(0);
    fireEvent.click(screen.getByText('重试'));
    await screen.findByText('五里堡街道');
    expect(townshipCards(container)).toHaveLength(3);
    expect(server.calls('GET /v1/org/tree')).toHaveLength(2);
  });

  it('shows 无权查看或不存在 on a 403', async () => {
    sessionStore.setSession(makeSession());
    fakeApi({ 'GET /v1/org/tree': errorReply(403, 'FORBIDDEN_SCOPE', '超出您的管辖范围') });

    render(<OrgPage />);

    expect(await screen.findByText('无权查看或不存在')).toBeTruthy();
  });

  it('shows a network failure in Chinese', async () => {
    sessionStore.setSession(makeSession());
    taroMock.request.mockRejectedValue({ errMsg: 'request:fail' });

    render(<OrgPage />);

    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
  });

  it('shows an empty state when no township is in scope', async () => {
    sessionStore.setSession(makeSession());
    fakeApi({ 'GET /v1/org/tree': { status: 200, body: makeOrgTree({ townships: [] }) } });

    render(<OrgPage />);

    expect(await screen.findByText('暂无可查看的乡镇（街道）')).toBeTruthy();
  });

  it('asks a resident to bind an identity instead of calling the API', () => {
    sessionStore.setSession(makeSession({ me: makeMe({ roles: ['resident'], bindings: [] }) }));
    const server = fakeApi({});

    render(<OrgPage />);

    expect(screen.getByText('绑定身份')).toBeTruthy();
    expect(server.sent).toHaveLength(0);
  });

  it('asks to log in first without a session', () => {
    const server = fakeApi({});

    render(<OrgPage />);

    fireEvent.click(screen.getByText('去登录'));
    expect(taroMock.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
    expect(server.sent).toHaveLength(0);
  });
});
