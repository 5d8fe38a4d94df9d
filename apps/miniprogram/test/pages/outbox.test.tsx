import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import OutboxPage from '../../src/subpackages/identity/pages/outbox/index';
import { pullDownRefresh, taroMock } from '../mocks/taro';
import { errorReply, fakeApi } from '../support/fake-api';

function message(id: string, createdAt: string, partial: Record<string, string> = {}) {
  return {
    id,
    channel: 'outbox',
    recipientUserId: 'u-sec',
    recipientName: '张书记',
    title: '日报提醒',
    body: '建新南街社区今天的日报还没有提交，请在 22:00 前提交。',
    createdAt,
    ...partial,
  };
}

const older = message('m-1', '2025-06-10T11:00:00.000Z', { recipientName: '李干部', title: '日报提醒（第一次）' });
const newer = message('m-2', '2025-06-10T12:30:00.000Z');

const items = () => Array.from(document.querySelectorAll<HTMLElement>('.cx-outbox-item'));

afterEach(() => {
  delete window.CX_DEV_LOGIN;
});

describe('通知发件箱', () => {
  it('local mode: lists the recorded messages newest first, in Beijing time, with the explanation', async () => {
    process.env.TARO_ENV = 'h5'; // no injection: the local stack
    fakeApi({ 'GET /v1/dev/outbox': { status: 200, body: { messages: [older, newer] } } });

    render(<OutboxPage />);

    await waitFor(() => expect(items()).toHaveLength(2));
    expect(screen.getByText(/本地运行时，提醒消息不会真正发到微信，而是记录在这里/)).toBeTruthy();
    const [first, second] = items();
    expect(first.textContent).toContain('日报提醒');
    expect(first.textContent).toContain('收件人：张书记');
    expect(first.textContent).toContain('建新南街社区今天的日报还没有提交，请在 22:00 前提交。');
    // 12:30 UTC is 20:30 in Beijing.
    expect(first.textContent).toContain('2025-06-10 20:30');
    expect(second.textContent).toContain('收件人：李干部');
    expect(second.textContent).toContain('2025-06-10 19:00');
  });

  it('pull-down refresh reloads the list and stops the spinner', async () => {
    process.env.TARO_ENV = 'h5';
    const server = fakeApi({
      'GET /v1/dev/outbox': [
        { status: 200, body: { messages: [older] } },
        { status: 200, body: { messages: [newer, older] } },
      ],
    });

    render(<OutboxPage />);
    await waitFor(() => expect(items()).toHaveLength(1));
    await act(async () => pullDownRefresh());

    await waitFor(() => expect(items()).toHaveLength(2));
    expect(server.calls('GET /v1/dev/outbox')).toHaveLength(2);
    await waitFor(() => expect(taroMock.stopPullDownRefresh).toHaveBeenCalled());
  });

  it('an empty outbox, and a failure with 重试', async () => {
    process.env.TARO_ENV = 'h5';
    fakeApi({
      'GET /v1/dev/outbox': [
        { status: 503, body: { code: 'INTERNAL', message: '服务暂时不可用' } },
        { status: 200, body: { messages: [] } },
      ],
    });

    render(<OutboxPage />);
    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText('还没有提醒消息')).toBeTruthy();
  });

  it('a deployed API has no outbox', async () => {
    process.env.TARO_ENV = 'h5';
    window.CX_DEV_LOGIN = true;
    fakeApi({ 'GET /v1/dev/outbox': errorReply(404, 'ROUTE_NOT_FOUND', '接口不存在') });

    render(<OutboxPage />);

    expect(await screen.findByText('通知发件箱仅在本地运行时可用')).toBeTruthy();
  });

  it('weapp without dev login: nothing is asked', () => {
    const server = fakeApi({});

    render(<OutboxPage />);

    expect(screen.getByText('通知发件箱仅在本地运行时可用')).toBeTruthy();
    expect(server.sent).toHaveLength(0);
  });
});
