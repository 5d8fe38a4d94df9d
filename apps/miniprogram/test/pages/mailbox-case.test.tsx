import type { CaseLetter } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import CasePage from '../../src/subpackages/mailbox/pages/case/index';
import { router, taroMock } from '../mocks/taro';
import { ACCEPTED, action, actionLabels, asStation, caseReply, confirm } from '../support/case-letters';
import { makeSession } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

describe('来信办理 (case page)', () => {
  it.each<[string, CaseLetter['actions'], string[]]>([
    ['submitted', ['accept', 'decline', 'transfer', 'note'], ['受理', '不予受理', '转办', '备注']],
    ['accepted, community letter', ['reply', 'transfer', 'note', 'schedule'], ['答复', '转办', '备注', '列入半月谈']],
    ['reopened', ['reply', 'note', 'schedule'], ['答复', '备注', '列入半月谈']],
    ['replied', ['note'], ['备注']],
    ['closed', [], []],
  ])('%s: exactly the buttons the server lists in `actions`, in its order', async (_, actions, labels) => {
    asStation();
    router.params = { id: 'L1' };
    fakeApi({ 'GET /v1/letters/cases/L1': caseReply({ status: 'accepted', actions }) });

    const { container } = render(<CasePage />);
    await screen.findByText('小区东门路灯坏了一个月了');

    expect(actionLabels(container)).toEqual(labels);
    expect(Array.from(container.querySelectorAll('.cx-case-action')).map((e) => e.getAttribute('data-action'))).toEqual(actions);
    expect(container.querySelectorAll('.cx-schedule-meeting')).toHaveLength(actions.includes('schedule') ? 1 : 0);
  });

  it('the page does not second-guess the server: no local role or status rules', async () => {
    // A township staff member's session, yet the server offers 备注 on an archived letter: the button shows.
    sessionStore.setSession(makeSession());
    router.params = { id: 'L1' };
    fakeApi({ 'GET /v1/letters/cases/L1': caseReply({ status: 'archived', actions: ['note'] }) });
    const staff = render(<CasePage />);
    await screen.findByText('小区东门路灯坏了一个月了');
    expect(actionLabels(staff.container)).toEqual(['备注']);
    expect(staff.container.querySelector('.cx-case-readonly')).toBeNull();
    staff.unmount();

    // The station handler, a submitted letter, but the server lists nothing (e.g. 廉情): no buttons.
    asStation();
    fakeApi({ 'GET /v1/letters/cases/L1': caseReply({ category: 'integrity', actions: [] }) });
    const station = render(<CasePage />);
    await screen.findByText('小区东门路灯坏了一个月了');
    expect(actionLabels(station.container)).toEqual([]);
    expect(station.container.querySelector('.cx-case-readonly')?.textContent).toBe('这封信现在没有需要您办理的事项。');
  });

  it('overseers get no buttons and the 督办 (read-only) line', async () => {
    sessionStore.setSession(makeSession()); // township staff of 五里堡街道
    router.params = { id: 'L1' };
    fakeApi({ 'GET /v1/letters/cases/L1': caseReply({ actions: [] }) });
    const { container } = render(<CasePage />);
    await screen.findByText('小区东门路灯坏了一个月了');
    expect(actionLabels(container)).toEqual([]);
    expect(container.querySelector('.cx-case-readonly')?.textContent).toContain('督办（只读）');
  });

  it('shows 匿名, the photos, internal notes marked 内部, and calls back when the writer asked for it', async () => {
    asStation();
    router.params = { id: 'L1' };
    fakeApi({
      'GET /v1/letters/cases/L1': caseReply({
        callbackPhone: '13812345678',
        photoUrls: ['https://storage.test/a.jpg', 'https://storage.test/b.jpg'],
        timeline: [
          { at: '2026-01-06T09:00:00+08:00', kind: 'submitted', actor: '居民', internal: false },
          { at: '2026-01-06T10:00:00+08:00', kind: 'note', actor: '民情气象站接待员', text: '已联系物业', internal: true },
        ],
      }),
    });

    const { container } = render(<CasePage />);
    await screen.findByText('已联系物业');

    expect(container.querySelector('.cx-case-writer')?.textContent).toBe('匿名');
    expect(screen.getByText('内部')).toBeTruthy();
    expect(screen.getByText('内部备注')).toBeTruthy();
    fireEvent.click(container.querySelector('.cx-case-call') as HTMLElement);
    expect(taroMock.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13812345678' });
    const photos = container.querySelectorAll<HTMLElement>('.cx-letter-photo');
    expect(photos).toHaveLength(2);
    fireEvent.click(photos[1]);
    expect(taroMock.previewImage).toHaveBeenCalledWith({
      urls: ['https://storage.test/a.jpg', 'https://storage.test/b.jpg'],
      current: 'https://storage.test/b.jpg',
    });
  });

  it('受理 sends the version it showed and shows the accepted letter with its new actions', async () => {
    asStation();
    router.params = { id: 'L1' };
    const server = fakeApi({
      'GET /v1/letters/cases/L1': caseReply({ version: 3 }),
      'POST /v1/letters/cases/L1/actions': caseReply({
        version: 4,
        status: 'accepted',
        replyBy: '2026-01-27T23:59:00+08:00',
        actions: ACCEPTED,
      }),
    });

    const { container } = render(<CasePage />);
    await screen.findByText('小区东门路灯坏了一个月了');
    fireEvent.click(action(container, '受理'));
    confirm(container);

    await waitFor(() => expect(actionLabels(container)).toEqual(['答复', '转办', '备注', '列入半月谈']));
    expect(server.calls('POST /v1/letters/cases/L1/actions')[0].body).toEqual({ action: 'accept', version: 3 });
    expect(container.querySelector('.cx-letter-status')?.textContent).toBe('办理中');
  });

  it('答复 sends the text with the version', async () => {
    asStation();
    router.params = { id: 'L1' };
    const server = fakeApi({
      'GET /v1/letters/cases/L1': caseReply({ status: 'accepted', version: 5, actions: ACCEPTED }),
      'POST /v1/letters/cases/L1/actions': caseReply({ status: 'replied', version: 6, actions: ['note'] }),
    });

    const { container } = render(<CasePage />);
    await screen.findByText('小区东门路灯坏了一个月了');
    fireEvent.click(action(container, '答复'));
    fireEvent.change(container.querySelector('.cx-case-reply-text textarea') as HTMLTextAreaElement, {
      target: { value: '路灯已于今天修好，感谢反映' },
    });
    confirm(container);

    await waitFor(() => expect(actionLabels(container)).toEqual(['备注']));
    expect(server.calls('POST /v1/letters/cases/L1/actions')[0].body).toEqual({
      action: 'reply',
      version: 5,
      text: '路灯已于今天修好，感谢反映',
    });
  });

  it('不予受理 without a reason is not sent', async () => {
    asStation();
    router.params = { id: 'L1' };
    const server = fakeApi({ 'GET /v1/letters/cases/L1': caseReply() });

    const { container } = render(<CasePage />);
    await screen.findByText('小区东门路灯坏了一个月了');
    fireEvent.click(action(container, '不予受理'));
    confirm(container);

    expect(await screen.findByText('请填写不予受理的原因')).toBeTruthy();
    expect(server.calls('POST /v1/letters/cases/L1/actions')).toHaveLength(0);
  });

  it('备注 is internal unless made public; 转办 picks a community and a reason', async () => {
    asStation();
    router.params = { id: 'L1' };
    const server = fakeApi({
      'GET /v1/letters/cases/L1': caseReply({ version: 2 }),
      'POST /v1/letters/cases/L1/actions': [
        caseReply({ version: 3 }),
        caseReply({ version: 4, branchId: 'wulibao-b03', branchName: '幸福社区', actions: [] }),
      ],
      'GET /v1/directory': errorReply(404, 'ROUTE_NOT_FOUND', '接口不存在'),
    });

    const { container } = render(<CasePage />);
    await screen.findByText('小区东门路灯坏了一个月了');
    fireEvent.click(action(container, '备注'));
    fireEvent.change(container.querySelector('.cx-case-text textarea') as HTMLTextAreaElement, {
      target: { value: '已约定下次半月谈讨论' },
    });
    confirm(container);
    await waitFor(() => expect(server.calls('POST /v1/letters/cases/L1/actions')).toHaveLength(1));
    expect(server.calls('POST /v1/letters/cases/L1/actions')[0].body).toEqual({
      action: 'note',
      version: 2,
      text: '已约定下次半月谈讨论',
      internal: true,
    });

    await waitFor(() => expect(container.querySelector('.cx-case-confirm')).toBeNull());
    fireEvent.click(action(container, '转办'));
    // The station's own community is not offered; without the directory, the static list of 五里堡街道 is.
    await waitFor(() => expect(container.querySelector('.cx-letter-community')).toBeTruthy());
    const options = Array.from(container.querySelectorAll<HTMLElement>('.cx-letter-community'));
    expect(options.map((o) => o.textContent)).not.toContain('建新南街社区');
    fireEvent.click(options.find((o) => o.textContent === '幸福社区') as HTMLElement);
    fireEvent.change(container.querySelector('.cx-case-text textarea') as HTMLTextAreaElement, { target: { value: '属于幸福社区辖区' } });
    confirm(container);
    await waitFor(() => expect(server.calls('POST /v1/letters/cases/L1/actions')).toHaveLength(2));
    expect(server.calls('POST /v1/letters/cases/L1/actions')[1].body).toEqual({
      action: 'transfer',
      version: 3,
      toBranchId: 'wulibao-b03',
      reason: '属于幸福社区辖区',
    });
    // Transferred away: the server lists no moves for this station any more.
    await waitFor(() => expect(container.querySelector('.cx-case-readonly')).toBeTruthy());
  });

  it('409: says someone else acted and shows the reloaded letter', async () => {
    asStation();
    router.params = { id: 'L1' };
    const server = fakeApi({
      'GET /v1/letters/cases/L1': [caseReply({ version: 1 }), caseReply({ version: 2, status: 'accepted', actions: ACCEPTED })],
      'POST /v1/letters/cases/L1/actions': errorReply(409, 'CONFLICT', '这封信刚被他人处理过，请刷新后重试'),
    });

    const { container } = render(<CasePage />);
    await screen.findByText('小区东门路灯坏了一个月了');
    fireEvent.click(action(container, '受理'));
    confirm(container);

    expect(await screen.findByText('已被他人处理，已刷新')).toBeTruthy();
    await waitFor(() => expect(actionLabels(container)).toEqual(['答复', '转办', '备注', '列入半月谈']));
    expect(server.calls('GET /v1/letters/cases/L1')).toHaveLength(2);
    expect(server.calls('POST /v1/letters/cases/L1/actions')[0].body).toEqual({ action: 'accept', version: 1 });
  });
});
