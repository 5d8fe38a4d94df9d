import { shanghaiDay } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import MeetingsPage from '../../src/subpackages/mailbox/pages/meetings/index';
import { meetingDayChoices } from '../../src/subpackages/mailbox/services/meeting-dates';
import { router, taroMock } from '../mocks/taro';
import { makeMe, makeMeeting, makeSession, secretaryBinding, stationBinding } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const LIST = 'GET /v1/branches/jianxinnanjie/meetings';
const asStation = () => sessionStore.setSession(makeSession({ me: makeMe({ bindings: [stationBinding()] }) }));
const list = (...meetings: ReturnType<typeof makeMeeting>[]) => ({ status: 200, body: { meetings } });
const items = (container: HTMLElement) => Array.from(container.querySelectorAll<HTMLElement>('.cx-meeting-item'));
const MINUTES = '与物业协商，路灯本周内修好，由社区跟进';

const planned = makeMeeting({
  id: 'M2',
  date: '2099-01-14',
  version: 3,
  agenda: [
    { letterId: 'L1', queryCode: 'AB3CD4EF5G', category: 'complaint', excerpt: '小区东门路灯坏了一个月了' },
    { letterId: 'L2', queryCode: 'QW3ER4TY5U', category: 'suggestion', excerpt: '建议在广场增加长椅' },
  ],
});
const held = makeMeeting({ id: 'M1', date: '2025-12-31', status: 'held', minutes: '上次会议：垃圾分类点位调整完毕', version: 4 });
const olderHeld = makeMeeting({ id: 'M0', date: '2025-12-17', status: 'held', minutes: '更早的一次会议纪要内容', version: 2 });
const laterPlanned = makeMeeting({ id: 'M3', date: '2099-01-28' });

describe('社区半月谈 (meetings page)', () => {
  it('planned meetings first, then held ones, newest first; agenda rows open their case; held ones show the minutes', async () => {
    asStation();
    router.params = { branchId: 'jianxinnanjie' };
    fakeApi({ [LIST]: list(olderHeld, planned, held, laterPlanned) });

    const { container } = render(<MeetingsPage />);
    await screen.findByText('小区东门路灯坏了一个月了');

    expect(items(container).map((m) => `${m.getAttribute('data-status')} ${m.getAttribute('data-date')}`)).toEqual([
      'planned 2099-01-28',
      'planned 2099-01-14',
      'held 2025-12-31',
      'held 2025-12-17',
    ]);
    const card = items(container)[1];
    const rows = Array.from(card.querySelectorAll<HTMLElement>('.cx-meeting-agenda'));
    expect(rows.map((r) => r.textContent)).toEqual(['投诉AB3CD4EF5G›小区东门路灯坏了一个月了', '意见建议QW3ER4TY5U›建议在广场增加长椅']);
    fireEvent.click(rows[1]);
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/mailbox/pages/case/index?id=L2' });
    expect(items(container)[2].querySelector('.cx-meeting-minutes')?.textContent).toBe('上次会议：垃圾分类点位调整完毕');
    // Minutes forms on the planned meetings only.
    expect(items(container).map((m) => Boolean(m.querySelector('.cx-minutes-text')))).toEqual([true, true, false, false]);
    expect(taroMock.setNavigationBarTitle).toHaveBeenCalledWith({ title: '建新南街社区 · 社区半月谈' });
  });

  it('记录纪要: at least 10 characters, sent with the meeting’s version; the meeting then shows as held', async () => {
    asStation();
    router.params = { branchId: 'jianxinnanjie' };
    const server = fakeApi({
      [LIST]: list(planned),
      'PUT /v1/meetings/M2/minutes': (req) => ({
        status: 200,
        body: { ...planned, status: 'held', minutes: (req.body as { minutes: string }).minutes, version: 4 },
      }),
    });

    const { container } = render(<MeetingsPage />);
    await screen.findByText('小区东门路灯坏了一个月了');
    const textarea = () => container.querySelector('.cx-minutes-text textarea') as HTMLTextAreaElement;

    fireEvent.change(textarea(), { target: { value: '修好了' } });
    fireEvent.click(container.querySelector('.cx-minutes-save') as HTMLElement);
    expect(await screen.findByText('纪要至少 10 个字')).toBeTruthy();
    expect(server.calls('PUT /v1/meetings/M2/minutes')).toHaveLength(0);

    fireEvent.change(textarea(), { target: { value: MINUTES } });
    fireEvent.click(container.querySelector('.cx-minutes-save') as HTMLElement);

    await waitFor(() => expect(items(container)[0].getAttribute('data-status')).toBe('held'));
    expect(server.calls('PUT /v1/meetings/M2/minutes')[0].body).toEqual({ minutes: MINUTES, version: 3 });
    expect(container.querySelector('.cx-meeting-minutes')?.textContent).toBe(MINUTES);
    expect(container.querySelector('.cx-minutes-text')).toBeNull();
  });

  it('409: shows the server’s message, reloads the meetings and keeps the typed minutes', async () => {
    asStation();
    router.params = { branchId: 'jianxinnanjie' };
    const server = fakeApi({
      [LIST]: [list(planned), list({ ...planned, version: 4 })],
      'PUT /v1/meetings/M2/minutes': [
        errorReply(409, 'CONFLICT', '会议刚被他人修改，请刷新后重试'),
        { status: 200, body: { ...planned, status: 'held', minutes: MINUTES, version: 5 } },
      ],
    });

    const { container } = render(<MeetingsPage />);
    await screen.findByText('小区东门路灯坏了一个月了');
    fireEvent.change(container.querySelector('.cx-minutes-text textarea') as HTMLTextAreaElement, { target: { value: MINUTES } });
    fireEvent.click(container.querySelector('.cx-minutes-save') as HTMLElement);

    expect(await screen.findByText('会议刚被他人修改，请刷新后重试（已刷新，您写的纪要还在）')).toBeTruthy();
    await waitFor(() => expect(server.calls(LIST)).toHaveLength(2));
    await waitFor(() => expect((container.querySelector('.cx-minutes-text textarea') as HTMLTextAreaElement | null)?.value).toBe(MINUTES));

    fireEvent.click(container.querySelector('.cx-minutes-save') as HTMLElement);
    await waitFor(() => expect(server.calls('PUT /v1/meetings/M2/minutes')).toHaveLength(2));
    expect(server.calls('PUT /v1/meetings/M2/minutes')[1].body).toEqual({ minutes: MINUTES, version: 4 });
  });

  it('新建半月谈: a date chip (days with a planned meeting are left out), then the list again', async () => {
    asStation();
    router.params = { branchId: 'jianxinnanjie' };
    const choices = meetingDayChoices(shanghaiDay());
    const server = fakeApi({
      [LIST]: [
        list(makeMeeting({ id: 'M5', date: choices[0] })),
        list(makeMeeting({ id: 'M5', date: choices[0] }), makeMeeting({ id: 'M6', date: choices[2] })),
      ],
      'POST /v1/branches/jianxinnanjie/meetings': (req) => ({
        status: 201,
        body: makeMeeting({ id: 'M6', date: (req.body as { date: string }).date }),
      }),
    });

    const { container } = render(<MeetingsPage />);
    await waitFor(() => expect(items(container)).toHaveLength(1));
    fireEvent.click(container.querySelector('.cx-meeting-create') as HTMLElement);
    const chips = Array.from(container.querySelectorAll<HTMLElement>('.cx-meeting-date'));
    expect(chips.map((c) => c.getAttribute('data-key'))).toEqual(choices.slice(1));
    fireEvent.click(chips[1]);
    fireEvent.click(container.querySelector('.cx-meeting-create-confirm') as HTMLElement);

    await waitFor(() => expect(items(container)).toHaveLength(2));
    expect(server.calls('POST /v1/branches/jianxinnanjie/meetings')[0].body).toEqual({ date: choices[2] });
    expect(container.querySelector('.cx-meeting-form')).toBeNull();
  });

  it('新建半月谈: the server’s refusal is shown next to the form', async () => {
    asStation();
    router.params = { branchId: 'jianxinnanjie' };
    fakeApi({
      [LIST]: list(),
      'POST /v1/branches/jianxinnanjie/meetings': {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: '请求参数不正确',
          details: [{ path: 'body.date', code: 'invalid', message: '会议日期应在今天到 60 天之内' }],
        },
      },
    });

    const { container } = render(<MeetingsPage />);
    expect(await screen.findByText('还没有安排半月谈，点上方「新建半月谈」安排一次')).toBeTruthy();
    fireEvent.click(container.querySelector('.cx-meeting-create') as HTMLElement);
    fireEvent.click(container.querySelector('.cx-meeting-date') as HTMLElement);
    fireEvent.click(container.querySelector('.cx-meeting-create-confirm') as HTMLElement);
    expect(await screen.findByText('会议日期应在今天到 60 天之内')).toBeTruthy();
  });

  it('without ?branchId= opens the caller’s own community; township staff read without forms', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretaryBinding('jianxinnanjie')] }) }));
    const server = fakeApi({ [LIST]: list(planned) });
    const secretary = render(<MeetingsPage />);
    await screen.findByText('小区东门路灯坏了一个月了');
    expect(server.calls(LIST)).toHaveLength(1);
    expect(secretary.container.querySelector('.cx-minutes-save')).toBeTruthy();
    secretary.unmount();

    sessionStore.setSession(makeSession()); // township staff of 五里堡街道
    router.params = { branchId: 'jianxinnanjie' };
    fakeApi({ [LIST]: list(planned, held) });
    const staff = render(<MeetingsPage />);
    await screen.findByText('小区东门路灯坏了一个月了');
    expect(staff.container.querySelector('.cx-meeting-create')).toBeNull();
    expect(staff.container.querySelector('.cx-minutes-text')).toBeNull();
    expect(staff.container.querySelector('.cx-meeting-minutes')?.textContent).toBe('上次会议：垃圾分类点位调整完毕');
  });

  it('shows the server’s message with 重试', async () => {
    asStation();
    router.params = { branchId: 'jianxinnanjie' };
    const server = fakeApi({ [LIST]: [errorReply(503, 'UPSTREAM_UNAVAILABLE', '服务繁忙，请稍后再试'), list(planned)] });

    render(<MeetingsPage />);
    expect(await screen.findByText('服务繁忙，请稍后再试')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('小区东门路灯坏了一个月了')).toBeTruthy();
    expect(server.calls(LIST)).toHaveLength(2);
  });
});
