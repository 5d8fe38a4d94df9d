import { type CaseLetter, shanghaiDay } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import CasePage from '../../src/subpackages/mailbox/pages/case/index';
import CasesPage from '../../src/subpackages/mailbox/pages/cases/index';
import { meetingDayChoices, weekdayOf } from '../../src/subpackages/mailbox/services/meeting-dates';
import { router, taroMock } from '../mocks/taro';
import { makeBinding, makeCaseLetter, makeMe, makeMeeting, makeSession, stationBinding } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

/** What the server lists for the station on an accepted community letter. */
const ACCEPTED: CaseLetter['actions'] = ['reply', 'transfer', 'note', 'schedule'];
const asStation = () => sessionStore.setSession(makeSession({ me: makeMe({ bindings: [stationBinding()] }) }));
const caseReply = (partial: Partial<CaseLetter> = {}) => ({ status: 200, body: { letter: makeCaseLetter(partial) } });
const actionLabels = (container: HTMLElement) => Array.from(container.querySelectorAll('.cx-case-action')).map((e) => e.textContent);
const action = (container: HTMLElement, label: string) =>
  Array.from(container.querySelectorAll<HTMLElement>('.cx-case-action')).find((e) => e.textContent === label) as HTMLElement;
const confirm = (container: HTMLElement) => fireEvent.click(container.querySelector('.cx-case-confirm') as HTMLElement);

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

describe('列入半月谈 (case page)', () => {
  const MEETINGS = 'GET /v1/branches/jianxinnanjie/meetings';
  const accepted = (partial: Partial<CaseLetter> = {}) => caseReply({ status: 'accepted', version: 4, actions: ACCEPTED, ...partial });
  const scheduledEntry = {
    at: '2026-01-08T10:00:00+08:00',
    kind: 'note' as const,
    actor: '民情气象站接待员',
    text: '已列入 2099-01-14 社区半月谈议程',
    internal: false,
  };
  const openScheduler = async (container: HTMLElement) => {
    await screen.findByText('小区东门路灯坏了一个月了');
    fireEvent.click(container.querySelector('.cx-schedule-meeting') as HTMLElement);
  };

  it('offers the community’s planned meetings only; sends {letterId, letterVersion} to the chosen one and reloads the case', async () => {
    asStation();
    router.params = { id: 'L1' };
    const server = fakeApi({
      'GET /v1/letters/cases/L1': [accepted(), accepted({ version: 5, timeline: [...makeCaseLetter().timeline, scheduledEntry] })],
      [MEETINGS]: {
        status: 200,
        body: {
          meetings: [
            makeMeeting({ id: 'M3', date: '2099-01-28' }),
            makeMeeting({
              id: 'M2',
              date: '2099-01-14',
              agenda: [{ letterId: 'L9', queryCode: 'ZX3CV4BN5M', category: 'help', excerpt: '独居老人需要帮助' }],
            }),
            makeMeeting({ id: 'M0', date: '2025-12-31', status: 'held', minutes: '上次会议的纪要内容' }),
          ],
        },
      },
      'POST /v1/meetings/M2/agenda': { status: 200, body: makeMeeting({ id: 'M2', version: 2 }) },
    });

    const { container } = render(<CasePage />);
    await openScheduler(container);

    const options = await waitFor(() => {
      const found = Array.from(container.querySelectorAll<HTMLElement>('.cx-meeting-option'));
      if (!found.length) throw new Error('no options yet');
      return found;
    });
    // Held meetings are not offered; the soonest planned one comes first.
    expect(options.map((o) => o.getAttribute('data-date'))).toEqual(['2099-01-14', '2099-01-28']);
    expect(options[0].textContent).toContain('议程 1 项');
    fireEvent.click(options[0]);
    expect(options[0].className).toContain('is-selected');
    confirm(container);

    await waitFor(() => expect(server.calls('POST /v1/meetings/M2/agenda')).toHaveLength(1));
    expect(server.calls('POST /v1/meetings/M2/agenda')[0].body).toEqual({ letterId: 'L1', letterVersion: 4 });
    expect(server.calls('POST /v1/branches/jianxinnanjie/meetings')).toHaveLength(0);
    expect(await screen.findByText('已列入 2099-01-14 社区半月谈议程')).toBeTruthy();
    expect(server.calls('GET /v1/letters/cases/L1')).toHaveLength(2);
    expect(taroMock.showToast).toHaveBeenCalledWith({ title: '已列入半月谈', icon: 'success' });
  });

  it('without a planned meeting: date chips (the next 4 Wednesdays and Saturdays) plan one, then the letter goes on it', async () => {
    asStation();
    router.params = { id: 'L1' };
    const server = fakeApi({
      'GET /v1/letters/cases/L1': [accepted(), accepted({ version: 5 })],
      [MEETINGS]: { status: 200, body: { meetings: [] } },
      'POST /v1/branches/jianxinnanjie/meetings': (req) => ({
        status: 201,
        body: makeMeeting({ id: 'M9', date: (req.body as { date: string }).date }),
      }),
      'POST /v1/meetings/M9/agenda': { status: 200, body: makeMeeting({ id: 'M9', version: 2 }) },
    });

    const { container } = render(<CasePage />);
    await openScheduler(container);

    const chips = await waitFor(() => {
      const found = Array.from(container.querySelectorAll<HTMLElement>('.cx-meeting-date'));
      if (!found.length) throw new Error('no chips yet');
      return found;
    });
    const days = chips.map((c) => c.getAttribute('data-key') as string);
    expect(days).toEqual(meetingDayChoices(shanghaiDay()));
    expect(days).toHaveLength(8);
    expect(days.map(weekdayOf).filter((d) => d === 3)).toHaveLength(4);
    expect(days.map(weekdayOf).filter((d) => d === 6)).toHaveLength(4);
    expect(chips[0].textContent).toMatch(/周[三六]/);

    fireEvent.click(chips[1]);
    confirm(container);

    await waitFor(() => expect(server.calls('POST /v1/meetings/M9/agenda')).toHaveLength(1));
    expect(server.calls('POST /v1/branches/jianxinnanjie/meetings')[0].body).toEqual({ date: days[1] });
    expect(server.calls('POST /v1/meetings/M9/agenda')[0].body).toEqual({ letterId: 'L1', letterVersion: 4 });
    await waitFor(() => expect(server.calls('GET /v1/letters/cases/L1')).toHaveLength(2));
  });

  it('a typed date is checked before anything is sent', async () => {
    asStation();
    router.params = { id: 'L1' };
    const server = fakeApi({ 'GET /v1/letters/cases/L1': accepted(), [MEETINGS]: { status: 200, body: { meetings: [] } } });

    const { container } = render(<CasePage />);
    await openScheduler(container);
    await waitFor(() => expect(container.querySelector('.cx-meeting-date')).toBeTruthy());

    confirm(container);
    expect(await screen.findByText('请选择一次半月谈，或选一个日期新建')).toBeTruthy();
    fireEvent.change(container.querySelector('.cx-meeting-custom') as HTMLInputElement, { target: { value: '2026-13-01' } });
    confirm(container);
    expect(await screen.findByText('日期格式应为 YYYY-MM-DD，例如 2026-01-14')).toBeTruthy();
    fireEvent.change(container.querySelector('.cx-meeting-custom') as HTMLInputElement, { target: { value: '2000-01-01' } });
    confirm(container);
    expect(await screen.findByText('会议日期应在今天到 60 天之内')).toBeTruthy();
    expect(server.calls('POST /v1/branches/jianxinnanjie/meetings')).toHaveLength(0);
  });

  it('409 (the letter moved, or it is already on the agenda): reloads the case with the server’s message', async () => {
    asStation();
    router.params = { id: 'L1' };
    const server = fakeApi({
      'GET /v1/letters/cases/L1': [accepted(), accepted({ version: 5, status: 'replied', actions: ['note'] })],
      [MEETINGS]: { status: 200, body: { meetings: [makeMeeting({ id: 'M2' })] } },
      'POST /v1/meetings/M2/agenda': errorReply(409, 'CONFLICT', '这封信刚被他人处理过，请刷新后重试'),
    });

    const { container } = render(<CasePage />);
    await openScheduler(container);
    await waitFor(() => expect(container.querySelector('.cx-meeting-option')).toBeTruthy());
    fireEvent.click(container.querySelector('.cx-meeting-option') as HTMLElement);
    confirm(container);

    expect(await screen.findByText('这封信刚被他人处理过，请刷新后重试（已刷新）')).toBeTruthy();
    await waitFor(() => expect(actionLabels(container)).toEqual(['备注']));
    expect(server.calls('GET /v1/letters/cases/L1')).toHaveLength(2);
    expect(container.querySelector('.cx-case-notice')).toBeTruthy();
  });
});

describe('民情气象站 (queue)', () => {
  const summary = (id: string, partial: Record<string, unknown> = {}) => ({
    id,
    queryCode: 'AB3CD4EF5G',
    branchName: '建新南街社区',
    category: 'complaint',
    status: 'submitted',
    excerpt: `来信 ${id}`,
    createdAt: '2026-01-06T09:00:00+08:00',
    acceptBy: '2026-01-08T23:59:00+08:00',
    overdue: false,
    ...partial,
  });

  it('待办 puts overdue letters first, flagged 超期; 已办 asks for closed letters; a row opens its case', async () => {
    asStation();
    const server = fakeApi({
      'GET /v1/letters/cases': (req) =>
        req.url.includes('status=closed')
          ? { status: 200, body: { letters: [summary('C1', { status: 'archived' })] } }
          : { status: 200, body: { letters: [summary('A'), summary('B', { overdue: true }), summary('C')] } },
    });

    const { container } = render(<CasesPage />);
    await screen.findByText('来信 A');

    const rows = Array.from(container.querySelectorAll<HTMLElement>('.cx-case-item'));
    expect(rows.map((r) => r.querySelector('.mailbox-case__excerpt')?.textContent)).toEqual(['来信 B', '来信 A', '来信 C']);
    expect(rows[0].querySelector('.cx-case-overdue')?.textContent).toBe('超期');
    expect(rows[1].querySelector('.cx-case-overdue')).toBeNull();
    expect(taroMock.setNavigationBarTitle).toHaveBeenCalledWith({ title: '民情气象站' });
    expect(server.sent[0].url).toContain('status=open');

    fireEvent.click(rows[0]);
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/mailbox/pages/case/index?id=B' });
    // The station's 社区半月谈 is linked from the header.
    fireEvent.click(container.querySelector('.cx-cases-meetings') as HTMLElement);
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/mailbox/pages/meetings/index?branchId=jianxinnanjie' });

    fireEvent.click(screen.getByText('已办'));
    expect(await screen.findByText('来信 C1')).toBeTruthy();
  });

  it('township staff get the read-only 来信督办 view; residents are told who may look', async () => {
    sessionStore.setSession(makeSession());
    fakeApi({ 'GET /v1/letters/cases': { status: 200, body: { letters: [] } } });
    const staff = render(<CasesPage />);
    expect(await screen.findByText('暂无待办来信')).toBeTruthy();
    expect(staff.container.querySelector('.cx-case-readonly')).toBeTruthy();
    expect(staff.container.querySelector('.cx-cases-meetings')).toBeNull();
    expect(taroMock.setNavigationBarTitle).toHaveBeenCalledWith({ title: '来信督办' });
    staff.unmount();

    sessionStore.setSession(makeSession({ me: makeMe({ roles: ['resident'], bindings: [] }) }));
    const server = fakeApi({});
    render(<CasesPage />);
    expect(screen.getByText(/只有民情气象站接待员/)).toBeTruthy();
    expect(server.sent).toHaveLength(0);
  });

  it('inspectors see 廉情来信', async () => {
    sessionStore.setSession(
      makeSession({ me: makeMe({ bindings: [makeBinding({ role: 'inspector', scope: { level: 'district', districtId: 'erqi' } })] }) }),
    );
    fakeApi({ 'GET /v1/letters/cases': { status: 200, body: { letters: [] } } });
    render(<CasesPage />);
    await screen.findByText('暂无待办来信');
    expect(taroMock.setNavigationBarTitle).toHaveBeenCalledWith({ title: '廉情来信' });
  });
});
