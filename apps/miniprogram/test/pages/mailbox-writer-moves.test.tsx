import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import MyLettersPage from '../../src/subpackages/mailbox/pages/mine/index';
import { router, taroMock } from '../mocks/taro';
import { makeMyLetter, makeSession, residentMe } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const open = makeMyLetter({
  queryCode: 'P5GSY8HPEH',
  canWithdraw: true,
  canSupplement: true,
  version: 3,
  // Far ahead, so the page's own clock is always before it.
  answerBy: { kind: 'accept', at: '2099-12-09T15:59:00.000Z' },
});

describe('我的信件: 撤回 and 补充', () => {
  it('shows the grouped code and the deadline in plain words', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    fakeApi({ 'GET /v1/letters/mine': { status: 200, body: { letters: [open] } } });
    const { container } = render(<MyLettersPage />);
    await screen.findByText('P5GS-Y8HP-EH');
    expect(container.querySelector('.cx-letter-due')?.textContent).toBe('社区应在 12月9日（周三） 前受理');
  });

  it('撤回 asks first, sends the version seen, and shows the withdrawn letter', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    const withdrawn = makeMyLetter({
      ...open,
      status: 'withdrawn',
      canWithdraw: false,
      canSupplement: false,
      answerBy: undefined,
      version: 4,
    });
    const server = fakeApi({
      'GET /v1/letters/mine': { status: 200, body: { letters: [open] } },
      'POST /v1/letters/mine/L1/withdrawal': { status: 200, body: { letter: withdrawn } },
    });
    const { container } = render(<MyLettersPage />);
    await screen.findByText('撤回这封信');

    taroMock.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    fireEvent.click(screen.getByText('撤回这封信'));
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalledTimes(1));
    expect(server.calls('POST /v1/letters/mine/L1/withdrawal')).toHaveLength(0);

    fireEvent.click(screen.getByText('撤回这封信'));
    await waitFor(() => expect(container.querySelector('.cx-letter-status')?.textContent).toBe('已撤回'));
    expect(server.calls('POST /v1/letters/mine/L1/withdrawal')[0].body).toEqual({ version: 3 });
    expect(screen.queryByText('撤回这封信')).toBeNull();
    expect(screen.queryByText('补充情况')).toBeNull();
  });

  it('撤回 losing to the handler’s accept: the server’s words, and the list is read again', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    const server = fakeApi({
      'GET /v1/letters/mine': [
        { status: 200, body: { letters: [open] } },
        { status: 200, body: { letters: [makeMyLetter({ ...open, status: 'accepted', canWithdraw: false, version: 4 })] } },
      ],
      'POST /v1/letters/mine/L1/withdrawal': errorReply(409, 'CONFLICT', '这封信刚被他人处理过，请刷新后重试'),
    });
    render(<MyLettersPage />);
    fireEvent.click(await screen.findByText('撤回这封信'));
    await waitFor(() => expect(server.calls('GET /v1/letters/mine')).toHaveLength(2));
    expect(taroMock.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '这封信刚被他人处理过，请刷新后重试' }));
    await waitFor(() => expect(screen.queryByText('撤回这封信')).toBeNull());
  });

  it('补充 sends the text with the version and a key; a retry after a failure sends the same key', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    const added = makeMyLetter({
      ...open,
      version: 4,
      timeline: [
        ...open.timeline,
        { at: '2026-01-07T09:00:00+08:00', kind: 'supplemented', actor: '居民', text: '又漏了', internal: false },
      ],
    });
    const server = fakeApi({
      'GET /v1/letters/mine': { status: 200, body: { letters: [open] } },
      'POST /v1/letters/mine/L1/supplements': [errorReply(503, 'UNAVAILABLE', '服务暂时不可用'), { status: 200, body: { letter: added } }],
    });
    const { container } = render(<MyLettersPage />);
    fireEvent.click(await screen.findByText('补充情况'));
    fireEvent.click(screen.getByText('提交补充'));
    expect(await screen.findByText('请至少写 2 个字')).toBeTruthy();
    fireEvent.change(container.querySelector('.cx-supplement-text textarea') as HTMLTextAreaElement, { target: { value: ' 又漏了 ' } });
    fireEvent.click(screen.getByText('提交补充'));
    await screen.findByText('服务暂时不可用');
    fireEvent.click(screen.getByText('提交补充'));
    await waitFor(() => expect(container.querySelector('.cx-timeline-entry[data-kind="supplemented"]')).toBeTruthy());
    expect(container.querySelector('.cx-timeline-entry[data-kind="supplemented"]')?.textContent).toContain('来信人补充');
    const [first, second] = server.calls('POST /v1/letters/mine/L1/supplements').map((c) => c.body);
    expect(first).toEqual({ version: 3, text: '又漏了', photos: [], idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{16,64}$/) });
    expect(second).toEqual(first);
  });

  it('a ?code= link looks the letter up at once', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    router.params = { code: 'P5GSY8HPEH' };
    const server = fakeApi({
      'GET /v1/letters/mine': { status: 200, body: { letters: [] } },
      'GET /v1/letters/track/P5GSY8HPEH': {
        status: 200,
        body: {
          queryCode: 'P5GSY8HPEH',
          branchName: '建新南街社区',
          category: 'help',
          status: 'archived',
          createdAt: '2026-01-06T09:00:00+08:00',
          timeline: [{ at: '2026-01-06T09:00:00+08:00', kind: 'archived', actor: '系统', internal: false }],
        },
      },
    });
    const { container } = render(<MyLettersPage />);
    await waitFor(() => expect(container.querySelector('.cx-track-result')).toBeTruthy());
    expect(server.calls('GET /v1/letters/track/P5GSY8HPEH')).toHaveLength(1);
    expect((container.querySelector('.cx-track-code') as HTMLInputElement).value).toBe('P5GS-Y8HP-EH');
    // Residents read 已办结 on the chip and the timeline.
    expect(container.querySelector('.cx-track-result .cx-letter-status')?.textContent).toBe('已办结');
    expect(container.querySelector('.cx-track-result .mailbox-timeline__kind')?.textContent).toBe('已办结');
  });
});
