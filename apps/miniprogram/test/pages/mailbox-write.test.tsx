import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import WriteLetterPage from '../../src/subpackages/mailbox/pages/write/index';
import { sessionStore } from '../../src/services/session-store';
import { router, storage, taroMock } from '../mocks/taro';
import { errorReply, fakeApi } from '../support/fake-api';
import { makeMyLetter, makeSession, residentMe } from '../support/factories';

const written = (partial: Parameters<typeof makeMyLetter>[0] = {}) => ({ status: 201, body: { letter: makeMyLetter(partial), replayed: false } });

function byClass(container: HTMLElement, className: string, text: string): HTMLElement {
  const el = Array.from(container.querySelectorAll<HTMLElement>(`.${className}`)).find((e) => e.textContent?.includes(text));
  if (!el) throw new Error(`no .${className} with ${text}`);
  return el;
}

function fillLetter(container: HTMLElement, text = '小区东门路灯坏了一个月了') {
  fireEvent.click(byClass(container, 'cx-letter-category', '投诉'));
  fireEvent.change(container.querySelector('.cx-letter-text textarea') as HTMLTextAreaElement, { target: { value: text } });
}

describe('写信 (清风邮局)', () => {
  it('an anonymous letter to a community picked from the list: the body, no phone, then the 查询码 in large letters', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    const server = fakeApi({ 'POST /v1/letters': written({ queryCode: 'QW3ER4TY5U' }) });

    const { container } = render(<WriteLetterPage />);

    fireEvent.click(await waitFor(() => byClass(container, 'cx-letter-community', '建新南街社区')));
    fillLetter(container);
    fireEvent.click(container.querySelector('.cx-letter-anonymous') as HTMLElement);
    expect(screen.getByText('社区和街道干部都看不到您是谁')).toBeTruthy();
    expect(container.querySelector('.cx-letter-phone')).toBeNull();
    fireEvent.click(container.querySelector('.cx-letter-submit') as HTMLElement);

    const code = await waitFor(() => {
      const el = container.querySelector('.cx-letter-code');
      if (!el) throw new Error('no code yet');
      return el;
    });
    expect(code.textContent).toBe('QW3ER4TY5U');
    const body = server.calls('POST /v1/letters')[0].body as Record<string, unknown>;
    expect(body).toEqual({
      branchId: 'jianxinnanjie',
      category: 'complaint',
      text: '小区东门路灯坏了一个月了',
      anonymous: true,
      allowPublication: false,
      photos: [],
      idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{16,64}$/),
    });
    expect(body).not.toHaveProperty('callbackPhone');

    fireEvent.click(screen.getByText('复制查询码'));
    expect(taroMock.setClipboardData).toHaveBeenCalledWith({ data: 'QW3ER4TY5U' });
    fireEvent.click(screen.getByText('在「我的信件」中查看进度'));
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/mailbox/pages/mine/index' });
  });

  it('picks the township, then the community, from the public directory', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    const server = fakeApi({
      'GET /v1/directory': {
        status: 200,
        body: {
          district: { id: 'erqi', name: '二七区' },
          townships: [
            { id: 'wulibao', name: '五里堡街道', isDemo: false, branches: [{ id: 'jianxinnanjie', name: '建新南街社区', type: 'community' }] },
            { id: 'dehuajie', name: '德化街街道', isDemo: false, branches: [{ id: 'dehuajie-b01', name: '锦绣社区', type: 'community' }] },
          ],
        },
      },
      'POST /v1/letters': written(),
    });

    const { container } = render(<WriteLetterPage />);
    fireEvent.click(await waitFor(() => byClass(container, 'cx-letter-township', '德化街街道')));
    expect(Array.from(container.querySelectorAll('.cx-letter-community')).map((e) => e.textContent)).toEqual(['锦绣社区']);
    fireEvent.click(byClass(container, 'cx-letter-community', '锦绣社区'));
    expect(container.querySelector('.cx-letter-to')?.textContent).toContain('锦绣社区');
    fillLetter(container);
    fireEvent.click(container.querySelector('.cx-letter-anonymous') as HTMLElement);
    fireEvent.click(container.querySelector('.cx-letter-submit') as HTMLElement);

    await waitFor(() => expect(container.querySelector('.cx-letter-code')).toBeTruthy());
    expect(server.calls('POST /v1/letters')[0].body).toMatchObject({ branchId: 'dehuajie-b01' });
  });

  it('?branchId= names the community; 署名, 同意公开 and 需要回电 with an 11-digit phone', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    router.params = { branchId: 'wulibao-b03' };
    const server = fakeApi({ 'POST /v1/letters': written() });

    const { container } = render(<WriteLetterPage />);

    expect(container.querySelector('.cx-letter-to')?.textContent).toContain('幸福社区');
    fillLetter(container, '楼道里堆满杂物，存在消防隐患');
    fireEvent.click(container.querySelector('.cx-letter-named') as HTMLElement);
    fireEvent.click(container.querySelector('.cx-letter-publish') as HTMLElement);
    expect(container.querySelector('.cx-letter-phone')).toBeNull();
    fireEvent.click(container.querySelector('.cx-letter-callback') as HTMLElement);
    const phone = container.querySelector('.cx-letter-phone') as HTMLInputElement;
    fireEvent.change(phone, { target: { value: '1381234' } });
    fireEvent.click(container.querySelector('.cx-letter-submit') as HTMLElement);

    expect(await screen.findByText('请填写 11 位手机号')).toBeTruthy();
    expect(server.calls('POST /v1/letters')).toHaveLength(0);

    fireEvent.change(phone, { target: { value: '13812345678' } });
    fireEvent.click(container.querySelector('.cx-letter-submit') as HTMLElement);

    await waitFor(() => expect(container.querySelector('.cx-letter-code')).toBeTruthy());
    expect(server.calls('POST /v1/letters')[0].body).toMatchObject({
      branchId: 'wulibao-b03',
      category: 'complaint',
      anonymous: false,
      allowPublication: true,
      callbackPhone: '13812345678',
    });
  });

  it('checks locally before sending: community, category, text, 匿名 or 署名', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    const server = fakeApi({});

    const { container } = render(<WriteLetterPage />);
    fireEvent.change(container.querySelector('.cx-letter-text textarea') as HTMLTextAreaElement, { target: { value: '太短' } });
    fireEvent.click(container.querySelector('.cx-letter-submit') as HTMLElement);

    expect(await screen.findByText('请选择要写信的社区')).toBeTruthy();
    expect(screen.getByText('请选择来信类别')).toBeTruthy();
    expect(screen.getByText('请至少写 5 个字')).toBeTruthy();
    expect(screen.getByText('请选择匿名或署名')).toBeTruthy();
    expect(server.calls('POST /v1/letters')).toHaveLength(0);
  });

  it('429: shows the server’s message; 重新寄出 sends the same idempotency key', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    router.params = { branchId: 'jianxinnanjie' };
    const server = fakeApi({
      'POST /v1/letters': [errorReply(429, 'RATE_LIMITED', '今天已经写了 5 封信，请明天再写'), written()],
    });

    const { container } = render(<WriteLetterPage />);
    fillLetter(container);
    fireEvent.click(container.querySelector('.cx-letter-anonymous') as HTMLElement);
    fireEvent.click(container.querySelector('.cx-letter-submit') as HTMLElement);

    expect(await screen.findByText('今天已经写了 5 封信，请明天再写')).toBeTruthy();
    expect(container.querySelector('.cx-letter-code')).toBeNull();
    fireEvent.click(screen.getByText('重新寄出'));

    await waitFor(() => expect(container.querySelector('.cx-letter-code')).toBeTruthy());
    const [first, second] = server.calls('POST /v1/letters').map((r) => (r.body as { idempotencyKey: string }).idempotencyKey);
    expect(second).toBe(first);
  });

  it('再写一封 starts a new letter with a new key', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    router.params = { branchId: 'jianxinnanjie' };
    const server = fakeApi({ 'POST /v1/letters': written() });

    const { container } = render(<WriteLetterPage />);
    for (let i = 0; i < 2; i++) {
      fillLetter(container);
      fireEvent.click(container.querySelector('.cx-letter-anonymous') as HTMLElement);
      fireEvent.click(container.querySelector('.cx-letter-submit') as HTMLElement);
      await waitFor(() => expect(container.querySelector('.cx-letter-code')).toBeTruthy());
      if (i === 0) fireEvent.click(screen.getByText('再写一封'));
    }
    const [a, b] = server.calls('POST /v1/letters').map((r) => (r.body as { idempotencyKey: string }).idempotencyKey);
    expect(a).not.toBe(b);
  });

  it('大字 scales the page and is remembered', () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    fakeApi({});

    const first = render(<WriteLetterPage />);
    expect(first.container.querySelector('.mailbox--large')).toBeNull();
    fireEvent.click(screen.getByText('大字'));
    expect(first.container.querySelector('.mailbox--large')).toBeTruthy();
    expect(storage.get('cx.mailbox.largeText')).toBe(true);
    first.unmount();

    const again = render(<WriteLetterPage />);
    expect(again.container.querySelector('.mailbox--large')).toBeTruthy();
    fireEvent.click(screen.getByText('标准字'));
    expect(again.container.querySelector('.mailbox--large')).toBeNull();
  });

  it('opened from a QR code without a session: logs in with WeChat by itself', async () => {
    router.params = { branchId: 'jianxinnanjie' };
    const server = fakeApi({ 'POST /v1/auth/wechat': { status: 200, body: makeSession({ me: residentMe() }) } });

    const { container } = render(<WriteLetterPage />);

    await waitFor(() => expect(container.querySelector('.cx-letter-to')?.textContent).toContain('建新南街社区'));
    expect(server.calls('POST /v1/auth/wechat')).toHaveLength(1);
  });
});
