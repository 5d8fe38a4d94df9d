import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import MyLettersPage from '../../src/subpackages/mailbox/pages/mine/index';
import { taroMock } from '../mocks/taro';
import { makeMyLetter, makeSession, residentMe } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const replied = makeMyLetter({
  status: 'replied',
  canRate: true,
  timeline: [
    { at: '2026-01-06T09:00:00+08:00', kind: 'submitted', actor: '居民', internal: false },
    { at: '2026-01-07T10:00:00+08:00', kind: 'accepted', actor: '民情气象站接待员', text: '已安排物业查看', internal: false },
    { at: '2026-01-09T16:00:00+08:00', kind: 'replied', actor: '民情气象站接待员', text: '路灯已于 1 月 9 日修好', internal: false },
  ],
});

describe('我的信件', () => {
  it('lists the letters with their status and vertical timeline', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    fakeApi({
      'GET /v1/letters/mine': {
        status: 200,
        body: { letters: [replied, makeMyLetter({ id: 'L2', queryCode: 'ZX3CV4BN5M', status: 'submitted', category: 'help' })] },
      },
    });

    const { container } = render(<MyLettersPage />);

    await screen.findByText('路灯已于 1 月 9 日修好');
    const items = container.querySelectorAll('.cx-myletter-item');
    expect(items).toHaveLength(2);
    const first = items[0] as HTMLElement;
    expect(first.querySelector('.cx-letter-status')?.textContent).toBe('已答复');
    expect(Array.from(first.querySelectorAll('.mailbox-timeline__kind')).map((e) => e.textContent)).toEqual([
      '来信已送达',
      '已受理',
      '已答复',
    ]);
    expect(within(first).getByText('已安排物业查看')).toBeTruthy();
    expect(first.querySelectorAll('.cx-rate-option')).toHaveLength(3);
    // Not answered yet: nothing to rate.
    expect((items[1] as HTMLElement).querySelector('.cx-rate-option')).toBeNull();
    expect((items[1] as HTMLElement).querySelector('.cx-letter-status')?.textContent).toBe('待受理');
  });

  it('rating: the chosen option and the comment, then the rated letter', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    const rated = makeMyLetter({
      ...replied,
      status: 'archived',
      canRate: false,
      rating: 'satisfied',
      timeline: [
        ...replied.timeline,
        { at: '2026-01-10T08:00:00+08:00', kind: 'rated', actor: '居民', text: '满意：谢谢', internal: false },
      ],
    });
    const server = fakeApi({
      'GET /v1/letters/mine': { status: 200, body: { letters: [replied] } },
      'POST /v1/letters/mine/L1/rating': { status: 200, body: { letter: rated } },
    });

    const { container } = render(<MyLettersPage />);
    await screen.findByText('对答复满意吗？');
    const option = (label: string) =>
      Array.from(container.querySelectorAll<HTMLElement>('.cx-rate-option')).find((e) => e.textContent === label) as HTMLElement;

    fireEvent.click(option('不满意'));
    expect(screen.getByText('选择不满意，这封信会重新办理一次（复核）。')).toBeTruthy();
    fireEvent.click(option('满意'));
    expect(option('满意').className).toContain('is-selected');
    fireEvent.change(container.querySelector('.cx-rate-comment textarea') as HTMLTextAreaElement, { target: { value: '谢谢' } });
    fireEvent.click(screen.getByText('提交评价'));

    expect(await screen.findByText('您的评价：满意')).toBeTruthy();
    expect(server.calls('POST /v1/letters/mine/L1/rating')[0].body).toEqual({ rating: 'satisfied', comment: '谢谢' });
    expect(container.querySelector('.cx-rate-option')).toBeNull();
    // Residents read 已办结, not the office's 已归档.
    expect(container.querySelector('.cx-letter-status')?.textContent).toBe('已办结');
  });

  it('rating without a comment sends the rating alone; a second 不满意 (the server says `reviewed`) says it archives', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    const reviewed = makeMyLetter({ ...replied, reviewed: true });
    const server = fakeApi({
      'GET /v1/letters/mine': { status: 200, body: { letters: [reviewed] } },
      'POST /v1/letters/mine/L1/rating': {
        status: 200,
        body: { letter: makeMyLetter({ ...reviewed, status: 'archived', canRate: false, rating: 'unsatisfied' }) },
      },
    });

    const { container } = render(<MyLettersPage />);
    await screen.findByText('对答复满意吗？');
    fireEvent.click(
      Array.from(container.querySelectorAll<HTMLElement>('.cx-rate-option')).find((e) => e.textContent === '不满意') as HTMLElement,
    );
    expect(screen.getByText('这封信已经复核过一次，选择不满意后将归档。')).toBeTruthy();
    fireEvent.click(screen.getByText('提交评价'));

    await screen.findByText('您的评价：不满意');
    expect(server.calls('POST /v1/letters/mine/L1/rating')[0].body).toEqual({ rating: 'unsatisfied' });
  });

  it('shows the server’s message with 重试 when the list fails', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    const server = fakeApi({
      'GET /v1/letters/mine': [errorReply(503, 'UPSTREAM_UNAVAILABLE', '服务繁忙，请稍后再试'), { status: 200, body: { letters: [] } }],
    });

    render(<MyLettersPage />);

    expect(await screen.findByText('服务繁忙，请稍后再试')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('您还没有写过信')).toBeTruthy();
    fireEvent.click(screen.getByText('去写信'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/mailbox/pages/write/index' });
    expect(server.calls('GET /v1/letters/mine')).toHaveLength(2);
  });

  it('查询码 lookup shows the progress; an unknown code says so', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    const server = fakeApi({
      'GET /v1/letters/mine': { status: 200, body: { letters: [] } },
      'GET /v1/letters/track/AB3CD4EF5G': {
        status: 200,
        body: {
          queryCode: 'AB3CD4EF5G',
          branchName: '建新南街社区',
          category: 'complaint',
          status: 'accepted',
          createdAt: '2026-01-06T09:00:00+08:00',
          timeline: replied.timeline.slice(0, 2),
        },
      },
      'GET /v1/letters/track/ZZZZZZZZZZ': errorReply(404, 'NOT_FOUND', '信件不存在'),
    });

    const { container } = render(<MyLettersPage />);
    const input = container.querySelector('.cx-track-code') as HTMLInputElement;

    fireEvent.change(input, { target: { value: 'ab3' } });
    fireEvent.click(screen.getByText('查询进度'));
    expect(await screen.findByText('查询码为 10 位字母或数字')).toBeTruthy();

    fireEvent.change(input, { target: { value: 'ab3cd4ef5g' } });
    fireEvent.click(screen.getByText('查询进度'));
    const result = await waitFor(() => {
      const el = container.querySelector('.cx-track-result');
      if (!el) throw new Error('no result yet');
      return el as HTMLElement;
    });
    expect(within(result).getByText('办理中')).toBeTruthy();
    expect(within(result).getByText('已安排物业查看')).toBeTruthy();
    expect(server.calls('GET /v1/letters/track/AB3CD4EF5G')).toHaveLength(1);

    fireEvent.change(input, { target: { value: 'ZZZZZZZZZZ' } });
    fireEvent.click(screen.getByText('查询进度'));
    expect(await screen.findByText('没有找到这封信，请核对查询码')).toBeTruthy();
  });
});
