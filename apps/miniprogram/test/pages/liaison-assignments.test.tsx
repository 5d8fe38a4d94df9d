import type { LiaisonAssignment } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { shortcutsFor } from '../../src/pages/index/shortcuts';
import { sessionStore } from '../../src/services/session-store';
import LiaisonAssignmentsPage from '../../src/subpackages/liaison/pages/assignments/index';
import { taroMock } from '../mocks/taro';
import { makeBinding, makeMe, makeSession } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';
import { admin } from '../support/home-bindings';

const el = (selector: string) => document.querySelector(selector) as HTMLElement;
const all = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector));
const asAdmin = () => sessionStore.setSession(makeSession({ me: makeMe({ bindings: [admin] }) }));

const counts = { rural: 0, community: 8, total: 8 };
const township = (id: string, name: string) => ({ id, name, kind: 'subdistrict', isDemo: false, counts });
const tree = {
  status: 200,
  body: {
    district: { id: 'erqi', name: '二七区' },
    townships: [township('wulibao', '五里堡街道'), township('dehuajie', '德化街街道'), township('demo-gwh', '侯寨乡')],
    totals: { rural: 0, community: 24, total: 24 },
  },
};
const zhou: LiaisonAssignment = {
  leaderId: 'demo-leader',
  leaderName: '周领导',
  townships: [{ id: 'wulibao', name: '五里堡街道' }],
  version: 2,
  updatedAt: '2026-11-19T17:00:00.000Z', // already the 20th in Shanghai
  updatedByName: '孙部长',
};
const li: LiaisonAssignment = { leaderId: 'leader-li', leaderName: '李领导', townships: [], version: 0 };
const listed = (...assignments: LiaisonAssignment[]) => ({ status: 200, body: { assignments } });
const leader = (id: string) => el(`.cx-la-leader[data-id="${id}"]`);
const pick = (name: string) => fireEvent.click(all('.cx-la-pick').find((c) => c.textContent?.includes(name))!);

describe('包联分工', () => {
  it('the district admin’s home opens it; a leader gets no such card', () => {
    const card = shortcutsFor(makeMe({ bindings: [admin] })).find((c) => c.key === 'liaison-assignments');
    expect(card).toEqual(
      expect.objectContaining({ title: '包联分工', target: { kind: 'page', url: '/subpackages/liaison/pages/assignments/index' } }),
    );
    const leaderBinding = makeBinding({ role: 'leader', scope: { level: 'district', districtId: 'erqi' } });
    expect(shortcutsFor(makeMe({ bindings: [leaderBinding] })).some((c) => c.key === 'liaison-assignments')).toBe(false);
  });

  it('lists every leader with their townships as chips; the summary names the townships no one covers and the leaders without any', async () => {
    asAdmin();
    fakeApi({ 'GET /v1/liaison/assignments': listed(zhou, li), 'GET /v1/org/tree': tree });
    render(<LiaisonAssignmentsPage />);
    await waitFor(() => expect(all('.cx-la-leader')).toHaveLength(2));
    expect(all('.cx-la-leader .cx-la-township').map((c) => c.textContent)).toEqual(['五里堡街道']);
    expect(leader('demo-leader').textContent).toContain('孙部长 于 2026-11-20 安排');
    expect(leader('leader-li').querySelector('.cx-la-none')?.textContent).toBe('尚未安排包联乡镇（街道）');
    expect(el('.cx-la-uncovered').getAttribute('data-count')).toBe('2');
    expect(el('.cx-la-uncovered').textContent).toBe('2 个乡镇（街道）还没有县级领导包联：德化街街道、侯寨乡');
    expect(el('.cx-la-idle').textContent).toBe('1 位县级领导还没有包联乡镇：李领导');
  });

  it('edits a leader’s townships and saves them in the district’s order with the version read; the list and summary follow', async () => {
    asAdmin();
    const server = fakeApi({
      'GET /v1/liaison/assignments': listed(zhou, li),
      'GET /v1/org/tree': tree,
      'PUT /v1/liaison/assignments/leader-li': (req) => ({
        status: 200,
        body: {
          ...li,
          version: 1,
          townships: (req.body as { townshipIds: string[] }).townshipIds.map((id) => tree.body.townships.find((t) => t.id === id)),
        },
      }),
    });
    render(<LiaisonAssignmentsPage />);
    await waitFor(() => expect(leader('leader-li')).toBeTruthy());
    fireEvent.click(leader('leader-li').querySelector('.cx-la-edit')!);
    expect(el('.cx-la-editor-count').textContent).toContain('已选 0 个');
    pick('侯寨乡');
    pick('五里堡街道');
    pick('德化街街道');
    pick('五里堡街道'); // a second tap takes it away again
    expect(all('.cx-la-pick.is-selected').map((c) => c.getAttribute('data-key'))).toEqual(['dehuajie', 'demo-gwh']);
    fireEvent.click(el('.cx-la-save'));
    await waitFor(() => expect(taroMock.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' }));
    expect(server.calls('PUT /v1/liaison/assignments/leader-li').map((r) => r.body)).toEqual([
      { townshipIds: ['dehuajie', 'demo-gwh'], version: 0 },
    ]);
    await waitFor(() => expect(el('.cx-la-editor')).toBeNull());
    expect(Array.from(leader('leader-li').querySelectorAll('.cx-la-township')).map((c) => c.textContent)).toEqual(['德化街街道', '侯寨乡']);
    expect(el('.cx-la-uncovered').textContent).toBe('每个乡镇（街道）都有县级领导包联');
    expect(el('.cx-la-idle').textContent).toBe('每位县级领导都已安排包联乡镇');
    expect(server.calls('GET /v1/liaison/assignments')).toHaveLength(1);
  });

  it('a 409 says someone else changed it, reloads and reopens the editor on the latest townships', async () => {
    asAdmin();
    const newer = { ...zhou, version: 3, townships: [...zhou.townships, { id: 'dehuajie', name: '德化街街道' }] };
    const server = fakeApi({
      'GET /v1/liaison/assignments': [listed(zhou, li), listed(newer, li)],
      'GET /v1/org/tree': tree,
      'PUT /v1/liaison/assignments/demo-leader': errorReply(409, 'CONFLICT', '包联安排已被他人修改，请刷新后再改'),
    });
    render(<LiaisonAssignmentsPage />);
    await waitFor(() => expect(leader('demo-leader')).toBeTruthy());
    fireEvent.click(leader('demo-leader').querySelector('.cx-la-edit')!);
    pick('侯寨乡');
    fireEvent.click(el('.cx-la-save'));
    await waitFor(() =>
      expect(el('.cx-la-notice')?.textContent).toBe('包联安排已被他人修改，请刷新后再改。已刷新为最新安排，请重新选择后保存。'),
    );
    expect(server.calls('PUT /v1/liaison/assignments/demo-leader')[0].body).toEqual({ townshipIds: ['wulibao', 'demo-gwh'], version: 2 });
    await waitFor(() => expect(server.calls('GET /v1/liaison/assignments')).toHaveLength(2));
    await waitFor(() => expect(all('.cx-la-pick.is-selected').map((c) => c.getAttribute('data-key'))).toEqual(['wulibao', 'dehuajie']));
    // Saving again goes out on the version just read.
    fireEvent.click(el('.cx-la-save'));
    await waitFor(() => expect(server.calls('PUT /v1/liaison/assignments/demo-leader')).toHaveLength(2));
    expect(server.calls('PUT /v1/liaison/assignments/demo-leader')[1].body).toEqual({ townshipIds: ['wulibao', 'dehuajie'], version: 3 });
  });

  it('a township the server does not know is named beside the choices, and nothing changes in the list', async () => {
    asAdmin();
    fakeApi({
      'GET /v1/liaison/assignments': listed(zhou, li),
      'GET /v1/org/tree': tree,
      'PUT /v1/liaison/assignments/leader-li': {
        status: 404,
        body: {
          code: 'NOT_FOUND',
          message: '包联乡镇有误',
          details: [{ path: 'body.townshipIds.1', code: 'not_found', message: '乡镇（街道）不存在' }],
        },
      },
    });
    render(<LiaisonAssignmentsPage />);
    await waitFor(() => expect(leader('leader-li')).toBeTruthy());
    fireEvent.click(leader('leader-li').querySelector('.cx-la-edit')!);
    pick('五里堡街道');
    pick('德化街街道');
    fireEvent.click(el('.cx-la-save'));
    await waitFor(() => expect(el('.cx-la-field-problem')?.textContent).toBe('德化街街道：乡镇（街道）不存在'));
    expect(el('.cx-la-editor')).toBeTruthy();
    expect(el('.cx-la-idle').textContent).toBe('1 位县级领导还没有包联乡镇：李领导');
  });

  it('no leaders yet: says how to get some; a failed load offers a retry; others are told who arranges it', async () => {
    asAdmin();
    fakeApi({ 'GET /v1/liaison/assignments': listed(), 'GET /v1/org/tree': tree });
    const first = render(<LiaisonAssignmentsPage />);
    expect(await screen.findByText(/全区还没有县级领导。请先在「邀请绑定」中邀请县级领导/)).toBeTruthy();
    first.unmount();

    const server = fakeApi({
      'GET /v1/liaison/assignments': [errorReply(500, 'INTERNAL', '服务器开小差了'), listed(zhou)],
      'GET /v1/org/tree': tree,
    });
    const second = render(<LiaisonAssignmentsPage />);
    await waitFor(() => expect(el('.cx-state__message')).toBeTruthy());
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(all('.cx-la-leader')).toHaveLength(1));
    expect(server.calls('GET /v1/liaison/assignments')).toHaveLength(2);
    second.unmount();

    sessionStore.setSession(
      makeSession({ me: makeMe({ bindings: [makeBinding({ role: 'leader', scope: { level: 'district', districtId: 'erqi' } })] }) }),
    );
    const none = fakeApi({});
    render(<LiaisonAssignmentsPage />);
    await waitFor(() => expect(el('.cx-state__message')?.textContent).toBe('包联分工由区委组织部管理员安排'));
    expect(none.sent).toHaveLength(0);
  });
});
