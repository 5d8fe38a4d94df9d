import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import RecordLetterPage from '../../src/subpackages/mailbox/pages/record/index';
import { sharedMessage } from '../mocks/taro';
import { makeMe, makeSession, residentMe, stationBinding } from '../support/factories';
import { fakeApi } from '../support/fake-api';

const slip = {
  queryCode: 'P5GSY8HPEH',
  branchName: '建新南街社区',
  category: 'help',
  channel: 'paper',
  createdAt: '2026-12-07T02:00:00.000Z',
  acceptBy: '2026-12-09T15:59:00.000Z',
};

const input = (container: HTMLElement, cls: string) => container.querySelector(`.${cls}`) as HTMLInputElement;

describe('代录来信', () => {
  it('records what the resident brought and shows the 查询码 slip, grouped, without the resident', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [stationBinding()] }) }));
    const server = fakeApi({ 'POST /v1/letters/recorded': { status: 201, body: { slip, replayed: false } } });
    const { container } = render(<RecordLetterPage />);

    fireEvent.click(screen.getByText('登记并出具查询码'));
    expect(await screen.findByText('请选择来信方式')).toBeTruthy();
    expect(screen.getByText('请选择来信类别')).toBeTruthy();
    expect(server.calls('POST /v1/letters/recorded')).toHaveLength(0);

    fireEvent.click(screen.getByText('纸质信件'));
    fireEvent.click(screen.getByText('求助'));
    fireEvent.change(container.querySelector('.cx-record-text textarea') as HTMLTextAreaElement, {
      target: { value: '独居老人家中水管漏水' },
    });
    fireEvent.change(input(container, 'cx-record-name'), { target: { value: '李秀英' } });
    fireEvent.change(input(container, 'cx-record-phone'), { target: { value: '139-1234-5678' } });
    fireEvent.click(screen.getByText('登记并出具查询码'));

    await screen.findByText('P5GS-Y8HP-EH');
    expect(server.calls('POST /v1/letters/recorded')[0].body).toEqual({
      branchId: 'jianxinnanjie',
      channel: 'paper',
      category: 'help',
      text: '独居老人家中水管漏水',
      residentName: '李秀英',
      residentPhone: '13912345678',
      allowPublication: false,
      photos: [],
      idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{16,64}$/),
    });
    const shown = container.querySelector('.cx-record-slip')?.textContent ?? '';
    expect(shown).toContain('社区应在 12月9日（周三） 前受理');
    expect(shown).not.toContain('李秀英');
    // The weapp's 发给居民 shares a link that looks the code up, nothing else.
    expect(sharedMessage()).toEqual({
      title: '清风邮局查询码 P5GS-Y8HP-EH',
      path: '/subpackages/mailbox/pages/mine/index?code=P5GSY8HPEH',
    });
  });

  it('the server’s field errors land on their fields; a resident is told only stations record', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [stationBinding()] }) }));
    fakeApi({
      'POST /v1/letters/recorded': {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: '提交的内容有误',
          details: [{ path: 'body.residentPhone', code: 'invalid', message: '手机号不对，请核对' }],
        },
      },
    });
    const { container, unmount } = render(<RecordLetterPage />);
    fireEvent.click(screen.getByText('来电'));
    fireEvent.click(screen.getByText('投诉'));
    fireEvent.change(container.querySelector('.cx-record-text textarea') as HTMLTextAreaElement, {
      target: { value: '楼下烧烤店夜里太吵' },
    });
    fireEvent.click(screen.getByText('登记并出具查询码'));
    await waitFor(() => expect(screen.getByText('手机号不对，请核对')).toBeTruthy());
    unmount();

    sessionStore.setSession(makeSession({ me: residentMe() }));
    render(<RecordLetterPage />);
    expect(screen.getByText(/只有民情气象站接待员可以代录来信/)).toBeTruthy();
  });
});
