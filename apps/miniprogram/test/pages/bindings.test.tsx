import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import BindingsPage from '../../src/subpackages/identity/pages/bindings/index';
import { taroMock } from '../mocks/taro';
import { makeBinding, makeMe, makeOrgTree, makeSession } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const staff = makeBinding(); // u-staff, township_staff of 五里堡街道
const secretary = makeBinding({
  bindingId: 'b-sec',
  userId: 'u-zhang',
  role: 'secretary',
  scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: 'jianxinnan' },
  scopeLabel: '五里堡街道 · 建新南街社区',
  createdAt: '2025-03-01T18:00:00.000Z',
  holderName: '张书记',
});
const leader = makeBinding({
  bindingId: 'b-lead',
  userId: 'u-zhou',
  role: 'leader',
  scope: { level: 'township', districtId: 'erqi', townshipIds: ['wulibao', 'dehuajie'] },
  scopeLabel: '五里堡街道、德化街街道',
  createdAt: '2025-02-01T00:00:00.000Z',
});

function rows(container: HTMLElement) {
  return Array.from(container.querySelectorAll<HTMLElement>('.cx-binding-item'));
}

describe('bindings page', () => {
  it('lists active bindings with role, scope, invitee and since-date; no 撤销 on one’s own or a role staff cannot grant', async () => {
    sessionStore.setSession(makeSession());
    fakeApi({
      'GET /v1/bindings': { status: 200, body: { bindings: [staff, secretary, leader] } },
    });

    const { container } = render(<BindingsPage />);
    await screen.findByText('支部书记');

    // Newest first.
    expect(rows(container).map((r) => r.querySelector('.binding-item__role')?.textContent)).toEqual([
      '支部书记',
      '县级领导',
      '乡镇（街道）工作人员',
    ]);
    const sec = within(rows(container)[0]);
    expect(sec.getByText('五里堡街道 · 建新南街社区')).toBeTruthy();
    expect(sec.getByText('持有人：张书记')).toBeTruthy();
    // 18:00 UTC on 1 March is 2 March in Beijing.
    expect(sec.getByText('自 2025-03-02 起')).toBeTruthy();
    expect(rows(container)[0].querySelector('.cx-binding-revoke')).not.toBeNull();
    expect(rows(container)[1].querySelector('.cx-binding-revoke')).toBeNull();
    expect(within(rows(container)[2]).getByText('本人')).toBeTruthy();
    expect(rows(container)[2].querySelector('.cx-binding-revoke')).toBeNull();
  });

  it('revokes after confirmation: calls the route, removes the row and says 已撤销', async () => {
    sessionStore.setSession(makeSession());
    const server = fakeApi({
      'GET /v1/bindings': { status: 200, body: { bindings: [staff, secretary] } },
      'DELETE /v1/users/u-zhang/bindings/b-sec': {
        status: 200,
        body: { binding: { ...secretary, revokedAt: '2025-04-01T00:00:00.000Z' } },
      },
    });

    const { container } = render(<BindingsPage />);
    await screen.findByText('支部书记');
    fireEvent.click(screen.getByText('撤销'));

    await waitFor(() => expect(rows(container)).toHaveLength(1));
    expect(taroMock.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '撤销后对方将立即失去该身份，确定撤销吗？' }));
    expect(server.calls('DELETE /v1/users/u-zhang/bindings/b-sec')).toHaveLength(1);
    expect(taroMock.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已撤销' }));
    expect(screen.queryByText('支部书记')).toBeNull();
  });

  it('does nothing when the confirmation is cancelled', async () => {
    sessionStore.setSession(makeSession());
    taroMock.showModal.mockImplementation(async () => ({ confirm: false, cancel: true, errMsg: 'showModal:ok' }));
    const server = fakeApi({
      'GET /v1/bindings': { status: 200, body: { bindings: [secretary] } },
    });

    const { container } = render(<BindingsPage />);
    await screen.findByText('支部书记');
    fireEvent.click(screen.getByText('撤销'));

    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalled());
    expect(server.sent.filter((r) => r.method === 'DELETE')).toHaveLength(0);
    expect(rows(container)).toHaveLength(1);
  });

  it('keeps the row and shows the server message when revocation fails', async () => {
    sessionStore.setSession(makeSession());
    fakeApi({
      'GET /v1/bindings': { status: 200, body: { bindings: [secretary] } },
      'DELETE /v1/users/u-zhang/bindings/b-sec': errorReply(403, 'FORBIDDEN_SCOPE', '超出您的管辖范围'),
    });

    const { container } = render(<BindingsPage />);
    await screen.findByText('支部书记');
    fireEvent.click(screen.getByText('撤销'));

    expect(await within(rows(container)[0]).findByText('超出您的管辖范围')).toBeTruthy();
    expect(screen.getByText('撤销')).toBeTruthy();
  });

  it('the holder’s work phone (given at their invitation) shows to the supervisor with 拨打', async () => {
    sessionStore.setSession(makeSession());
    fakeApi({
      'GET /v1/bindings': { status: 200, body: { bindings: [{ ...secretary, holderPhone: '13900001111' }, leader] } },
    });

    const { container } = render(<BindingsPage />);
    expect(await screen.findByText('工作电话：13900001111')).toBeTruthy();
    expect(rows(container)[1].querySelector('.cx-binding-call')).toBeNull();
    fireEvent.click(container.querySelector('.cx-binding-call') as HTMLElement);
    expect(taroMock.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13900001111' });
  });

  it('a binding without a holder name shows the user id', async () => {
    sessionStore.setSession(makeSession());
    fakeApi({
      'GET /v1/bindings': { status: 200, body: { bindings: [{ ...secretary, holderName: undefined }] } },
    });

    render(<BindingsPage />);

    expect(await screen.findByText('用户编号：u-zhang')).toBeTruthy();
  });

  it('district admins may revoke any other binding and filter by township', async () => {
    const admin = makeBinding({
      bindingId: 'b-adm',
      userId: 'u-admin',
      role: 'district_admin',
      scope: { level: 'district', districtId: 'erqi' },
      scopeLabel: '二七区',
    });
    sessionStore.setSession(
      makeSession({
        me: makeMe({
          user: { id: 'u-admin', displayName: '孙管理员', isDemo: true, createdAt: '2025-01-01T00:00:00+08:00' },
          bindings: [admin],
        }),
      }),
    );
    const server = fakeApi({
      'GET /v1/org/tree': { status: 200, body: makeOrgTree() },
      'GET /v1/bindings': { status: 200, body: { bindings: [admin, leader] } },
    });

    const { container } = render(<BindingsPage />);
    await screen.findByText('县级领导');
    expect(rows(container).map((r) => r.querySelector('.cx-binding-revoke') !== null)).toEqual([true, false]);

    fireEvent.click(await screen.findByText('乡镇（街道）：全部'));
    const option = Array.from(container.querySelectorAll<HTMLElement>('.cx-filter-township')).find((n) => n.textContent === '德化街街道');
    fireEvent.click(option as HTMLElement);
    await waitFor(() => expect(server.calls('GET /v1/bindings').at(-1)?.url).toContain('?townshipId=dehuajie'));
  });

  it('shows an empty state when nothing is bound', async () => {
    sessionStore.setSession(makeSession());
    fakeApi({
      'GET /v1/bindings': { status: 200, body: { bindings: [] } },
    });

    render(<BindingsPage />);

    expect(await screen.findByText('暂无有效的身份绑定')).toBeTruthy();
  });
});
