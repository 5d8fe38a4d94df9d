import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import ProfilePage from '../../src/subpackages/identity/pages/profile/index';
import { makeMe, makeSession, residentMe } from '../support/factories';
import { fakeApi } from '../support/fake-api';

const nameInput = () => document.querySelector('input.cx-person-name') as HTMLInputElement;
const phoneInput = () => document.querySelector('input.cx-person-phone') as HTMLInputElement | null;
const T = '2026-11-27T02:00:00.000Z';

describe('我的 → 修改姓名', () => {
  it('an official changes name and work phone; the session shows the new name at once', async () => {
    const me = makeMe({
      user: { id: 'u-staff', displayName: '王芳', isDemo: false, createdAt: T, nameSetAt: T, workPhone: '13900001111' },
    });
    sessionStore.setSession(makeSession({ me }));
    const renamed = { ...me, user: { ...me.user, displayName: '王芳芳', workPhone: '0371-66881234' } };
    const server = fakeApi({ 'PUT /v1/me/profile': { status: 200, body: renamed } });

    render(<ProfilePage />);
    expect([nameInput().value, phoneInput()?.value]).toEqual(['王芳', '13900001111']);
    fireEvent.change(nameInput(), { target: { value: ' 王芳芳 ' } });
    fireEvent.change(phoneInput() as HTMLInputElement, { target: { value: '0371-66881234' } });
    fireEvent.click(screen.getByText('保存'));

    await waitFor(() => expect(sessionStore.get().me?.user.displayName).toBe('王芳芳'));
    expect(server.calls('PUT /v1/me/profile')[0].body).toEqual({ displayName: '王芳芳', workPhone: '0371-66881234' });
    expect(await screen.findByText('已保存，现在显示为「王芳芳」')).toBeTruthy();
  });

  it('checks with the contract first: an empty name or a wrong phone never reaches the server', async () => {
    sessionStore.setSession(makeSession());
    const server = fakeApi({});

    render(<ProfilePage />);
    fireEvent.change(nameInput(), { target: { value: '' } });
    fireEvent.change(phoneInput() as HTMLInputElement, { target: { value: '123' } });
    fireEvent.click(screen.getByText('保存'));

    expect(await screen.findByText('不能为空')).toBeTruthy();
    expect(screen.getByText('请填写 11 位手机号或带区号的座机号码')).toBeTruthy();
    expect(server.sent).toHaveLength(0);
  });

  it('a resident names their 署名 letters (no work phone); left empty, they are 居民 again', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    const server = fakeApi({
      'PUT /v1/me/profile': (req) => ({
        status: 200,
        body: {
          ...residentMe(),
          user: { ...residentMe().user, displayName: (req.body as { displayName: string }).displayName, nameSetAt: T },
        },
      }),
    });

    render(<ProfilePage />);
    expect(phoneInput()).toBeNull();
    expect(screen.getByText('署名来信时的名字')).toBeTruthy();
    expect(screen.getByText(/匿名来信永远不会显示您的名字/)).toBeTruthy();
    fireEvent.change(nameInput(), { target: { value: '' } });
    fireEvent.click(screen.getByText('保存'));

    await waitFor(() => expect(server.calls('PUT /v1/me/profile')).toHaveLength(1));
    expect(server.calls('PUT /v1/me/profile')[0].body).toEqual({ displayName: '居民' });
  });
});
