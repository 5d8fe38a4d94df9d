import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import { textSize } from '../../src/services/text-size';
import WriteLetterPage from '../../src/subpackages/mailbox/pages/write/index';
import { router, storage, taroMock } from '../mocks/taro';
import { makeSession, residentMe } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';
import { byClass, fillLetter, written } from '../support/letter-form';

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
    expect(code.textContent).toBe('QW3E-R4TY-5U');
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
            {
              id: 'wulibao',
              name: '五里堡街道',
              isDemo: false,
              branches: [{ id: 'jianxinnanjie', name: '建新南街社区', type: 'community' }],
            },
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

  it('署名 says which name the letter carries and links to where it is changed; 匿名 shows none', () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    router.params = { branchId: 'wulibao-b03' };
    fakeApi({});

    const { container } = render(<WriteLetterPage />);
    fireEvent.click(container.querySelector('.cx-letter-anonymous') as HTMLElement);
    expect(container.querySelector('.cx-letter-signature')).toBeNull();
    fireEvent.click(container.querySelector('.cx-letter-named') as HTMLElement);
    expect(container.querySelector('.cx-letter-signature')?.textContent).toContain('署名为「王阿姨」');
    // The demo resident has not chosen a name yet.
    fireEvent.click(screen.getByText('填写名字'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/identity/pages/profile/index' });
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
    // 大字 is app-wide now: one choice for every page, read again from storage on the next launch.
    expect(storage.get('cx.textSize')).toBe('large');
    first.unmount();
    textSize.reset();

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

  describe('photos', () => {
    const photoKey = (n: number) => `letter/jianxinnanjie/2026-01-06/photo${String(n).padStart(8, '0')}.jpg`;
    const presigned = (n: number) => ({
      status: 200,
      body: {
        key: photoKey(n),
        url: 'https://storage.test/upload',
        fields: { key: photoKey(n), 'Content-Type': 'image/jpeg' },
        maxBytes: 2097152,
        expiresAt: '2999-01-01T00:00:00+08:00',
      },
    });
    const tiles = (container: HTMLElement) => Array.from(container.querySelectorAll<HTMLElement>('.cx-letter-photo'));
    const send = (container: HTMLElement) => {
      fillLetter(container);
      fireEvent.click(container.querySelector('.cx-letter-anonymous') as HTMLElement);
      fireEvent.click(container.querySelector('.cx-letter-submit') as HTMLElement);
    };

    afterEach(() => {
      process.env.TARO_ENV = 'weapp';
    });

    it('re-encoded on the device, uploaded once the community is known, and the letter carries their keys', async () => {
      sessionStore.setSession(makeSession({ me: residentMe() }));
      let n = 0;
      const server = fakeApi({ 'POST /v1/uploads/letter-photos': () => presigned(++n), 'POST /v1/letters': written() });

      const { container } = render(<WriteLetterPage />);
      fireEvent.click(container.querySelector('.cx-letter-photo-input') as HTMLElement);
      await waitFor(() => expect(tiles(container)).toHaveLength(1));
      // No community yet: nothing can be presigned (keys are filed under the community).
      expect(tiles(container)[0].getAttribute('data-state')).toBe('waiting');
      expect(server.calls('POST /v1/uploads/letter-photos')).toHaveLength(0);

      fireEvent.click(await waitFor(() => byClass(container, 'cx-letter-community', '建新南街社区')));
      await waitFor(() => expect(tiles(container)[0].className).toContain('is-uploaded'));
      expect(tiles(container)[0].getAttribute('data-state')).toBe('uploaded');

      // compressImage re-encodes the picture (dropping its EXIF); only that copy is uploaded, never the original.
      expect(taroMock.compressImage).toHaveBeenCalledWith({ src: 'tmp://photo-1.jpg', quality: 60, compressedWidth: 1280 });
      expect(server.calls('POST /v1/uploads/letter-photos').map((r) => r.body)).toEqual([
        { branchId: 'jianxinnanjie', contentType: 'image/jpeg', size: 150000 },
      ]);
      expect(taroMock.uploadFile).toHaveBeenCalledTimes(1);
      expect(taroMock.uploadFile).toHaveBeenCalledWith(
        expect.objectContaining({
          url: 'https://storage.test/upload',
          filePath: 'tmp://photo-1-1280.jpg',
          name: 'file',
          formData: { key: photoKey(1), 'Content-Type': 'image/jpeg' },
        }),
      );

      send(container);
      await waitFor(() => expect(container.querySelector('.cx-letter-code')).toBeTruthy());
      expect(server.calls('POST /v1/letters')[0].body).toMatchObject({ branchId: 'jianxinnanjie', photos: [photoKey(1)] });
    });

    it('寄出 uploads what is not up yet (a failed photo is tried again) before the letter goes', async () => {
      sessionStore.setSession(makeSession({ me: residentMe() }));
      router.params = { branchId: 'jianxinnanjie' };
      let n = 0;
      const server = fakeApi({
        'POST /v1/uploads/letter-photos': (_req, i) =>
          i === 0 ? errorReply(503, 'UPSTREAM_UNAVAILABLE', '服务繁忙，请稍后再试') : presigned(++n),
        'POST /v1/letters': written(),
      });

      const { container } = render(<WriteLetterPage />);
      fireEvent.click(container.querySelector('.cx-letter-photo-input') as HTMLElement);
      await waitFor(() => expect(tiles(container)[0]?.getAttribute('data-state')).toBe('failed'));
      expect(screen.getByText('上传失败')).toBeTruthy();

      send(container);
      await waitFor(() => expect(container.querySelector('.cx-letter-code')).toBeTruthy());
      const order = server.sent.map((r) => `${r.method} ${r.path}`);
      expect(order.lastIndexOf('POST /v1/uploads/letter-photos')).toBeLessThan(order.indexOf('POST /v1/letters'));
      expect(server.calls('POST /v1/uploads/letter-photos')).toHaveLength(2);
      expect(server.calls('POST /v1/letters')[0].body).toMatchObject({ photos: [photoKey(1)] });
    });

    it('a photo that still cannot go up stops the letter; removing it lets the letter go without it', async () => {
      sessionStore.setSession(makeSession({ me: residentMe() }));
      router.params = { branchId: 'jianxinnanjie' };
      const server = fakeApi({
        'POST /v1/uploads/letter-photos': errorReply(400, 'VALIDATION_FAILED', '照片太大，请换一张'),
        'POST /v1/letters': written(),
      });

      const { container } = render(<WriteLetterPage />);
      fireEvent.click(container.querySelector('.cx-letter-photo-input') as HTMLElement);
      await waitFor(() => expect(tiles(container)[0]?.getAttribute('data-state')).toBe('failed'));
      send(container);

      expect(await screen.findByText('有照片没有上传成功：点该照片重试，或删除后再寄出')).toBeTruthy();
      expect(server.calls('POST /v1/letters')).toHaveLength(0);
      expect(container.querySelector('.cx-letter-submit')?.textContent).toBe('重新寄出');

      fireEvent.click(container.querySelector('.cx-photo-remove') as HTMLElement);
      fireEvent.click(container.querySelector('.cx-letter-submit') as HTMLElement);
      await waitFor(() => expect(container.querySelector('.cx-letter-code')).toBeTruthy());
      expect(server.calls('POST /v1/letters')[0].body).toMatchObject({ photos: [] });
    });

    it('a picture WeChat cannot re-encode is refused, never uploaded as picked (its EXIF could name the writer’s place)', async () => {
      sessionStore.setSession(makeSession({ me: residentMe() }));
      router.params = { branchId: 'jianxinnanjie' };
      taroMock.compressImage.mockRejectedValueOnce(new Error('compressImage:fail'));
      const server = fakeApi({});

      const { container } = render(<WriteLetterPage />);
      fireEvent.click(container.querySelector('.cx-letter-photo-input') as HTMLElement);

      await waitFor(() => expect(taroMock.showToast).toHaveBeenCalledWith({ title: '有 1 张照片无法处理，请换一张', icon: 'none' }));
      expect(tiles(container)).toHaveLength(0);
      expect(server.calls('POST /v1/uploads/letter-photos')).toHaveLength(0);
      expect(taroMock.uploadFile).not.toHaveBeenCalled();
    });

    it('at most 6 photos: the add tile goes away at 6', async () => {
      sessionStore.setSession(makeSession({ me: residentMe() }));
      router.params = { branchId: 'jianxinnanjie' };
      let n = 0;
      fakeApi({ 'POST /v1/uploads/letter-photos': () => presigned(++n) });
      taroMock.chooseMedia.mockImplementationOnce(async (o: Record<string, unknown>) => ({
        tempFiles: Array.from({ length: o.count as number }, (_, i) => ({
          tempFilePath: `tmp://p${i}.jpg`,
          size: 1_000_000,
          width: 4000,
          height: 3000,
          fileType: 'image',
          duration: 0,
          thumbTempFilePath: '',
        })),
        type: 'image',
        errMsg: 'chooseMedia:ok',
      }));

      const { container } = render(<WriteLetterPage />);
      fireEvent.click(container.querySelector('.cx-letter-photo-input') as HTMLElement);
      await waitFor(() => expect(tiles(container).filter((t) => t.className.includes('is-uploaded'))).toHaveLength(6));
      expect(taroMock.chooseMedia).toHaveBeenCalledWith(expect.objectContaining({ count: 6, mediaType: ['image'] }));
      expect(container.querySelector('.cx-letter-photo-input')).toBeNull();
      expect(screen.getByText(/6\/6 张/)).toBeTruthy();
    });

    it('H5: a real file input for images', () => {
      process.env.TARO_ENV = 'h5';
      sessionStore.setSession(makeSession({ me: residentMe() }));
      router.params = { branchId: 'jianxinnanjie' };
      fakeApi({});

      const { container } = render(<WriteLetterPage />);
      const input = container.querySelector('input.cx-letter-photo-input') as HTMLInputElement;
      expect(input.type).toBe('file');
      expect(input.accept).toBe('image/*');
    });
  });
});
