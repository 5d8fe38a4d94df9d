import { type CaseLetter, shanghaiDay } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import CasePage from '../../src/subpackages/mailbox/pages/case/index';
import { meetingDayChoices, weekdayOf } from '../../src/subpackages/mailbox/services/meeting-dates';
import { router, taroMock } from '../mocks/taro';
import { ACCEPTED, actionLabels, asStation, caseReply, confirm } from '../support/case-letters';
import { makeCaseLetter, makeMeeting } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';
import { pick } from '../support/pick';

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
    pick(container.querySelector('.cx-meeting-custom') as HTMLElement, '2026-13-01');
    confirm(container);
    expect(await screen.findByText('日期格式应为 YYYY-MM-DD，例如 2026-01-14')).toBeTruthy();
    pick(container.querySelector('.cx-meeting-custom') as HTMLElement, '2000-01-01');
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
