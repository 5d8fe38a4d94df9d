import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import BindPage from '../../src/subpackages/identity/pages/bind/index';
import { normaliseInvitationCode } from '../../src/subpackages/identity/pages/bind/invitation-code';
import { makeBinding, makeMe, makeSession } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const resident = () => makeSession({ me: makeMe({ roles: ['resident'], bindings: [] }) });
const secretaryBinding = makeBinding({
  bindingId: 'bind-9',
  role: 'secretary',
  scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: 'jianxinnan' },
  scopeLabel: '五里堡街道 · 建新南街社区',
});

const preview = { inviteeName: '张晓', role: 'secretary', scopeLabel: '五里堡街道 · 建新南街社区', expiresAt: '2026-11-30T02:00:00.000Z' };

function typeCode(value: string) {
  fireEvent.change(screen.getByPlaceholderText('例如 ABCD-EFGH'), { target: { value } });
  fireEvent.click(screen.getByText('下一步'));
}

const nameInput = () => document.querySelector('input.cx-person-name') as HTMLInputElement;
const phoneInput = () => document.querySelector('input.cx-person-phone') as HTMLInputElement;

describe('bind page', () => {
  it('normalises like the server: trims, upper-cases, drops dashes and spaces', () => {
    expect(normaliseInvitationCode(' abcd-efgh ')).toBe('ABCDEFGH');
    expect(normaliseInvitationCode('ab cd ef-gh')).toBe('ABCDEFGH');
  });

  it('sends the normalised code, shows the new role and scope, and refreshes the profile', async () => {
    sessionStore.setSession(resident());
    const server = fakeApi({
      'POST /v1/invitations/preview': { status: 200, body: preview },
      'POST /v1/invitations/redeem': { status: 200, body: { binding: { ...secretaryBinding, holderName: '张晓' } } },
      'GET /v1/me': { status: 200, body: makeMe({ bindings: [secretaryBinding] }) },
    });

    render(<BindPage />);
    typeCode('abcd-efgh');
    // The invitation's name, to confirm.
    await waitFor(() => expect(nameInput()?.value).toBe('张晓'));
    expect(screen.getByText('支部书记')).toBeTruthy();
    fireEvent.click(screen.getByText('确认并绑定'));

    expect(await screen.findByText('绑定成功')).toBeTruthy();
    expect(screen.getByText('支部书记')).toBeTruthy();
    expect(screen.getByText('五里堡街道 · 建新南街社区')).toBeTruthy();
    expect(server.calls('POST /v1/invitations/preview')[0].body).toEqual({ code: 'ABCDEFGH' });
    expect(server.calls('POST /v1/invitations/redeem')[0].body).toEqual({ code: 'ABCDEFGH', name: '张晓' });
    await waitFor(() => expect(sessionStore.get().me?.bindings[0]?.role).toBe('secretary'));
  });

  it('the invitee corrects the name and adds a work phone; both go with the redemption', async () => {
    sessionStore.setSession(resident());
    const server = fakeApi({
      'POST /v1/invitations/preview': { status: 200, body: preview },
      'POST /v1/invitations/redeem': { status: 200, body: { binding: { ...secretaryBinding, holderName: '张骁' } } },
      'GET /v1/me': { status: 200, body: makeMe({ bindings: [secretaryBinding] }) },
    });

    render(<BindPage />);
    typeCode('ABCD-EFGH');
    await waitFor(() => expect(nameInput()).toBeTruthy());
    fireEvent.change(nameInput(), { target: { value: ' 张骁 ' } });
    // A phone that cannot be right is caught before asking the server.
    fireEvent.change(phoneInput(), { target: { value: '12345' } });
    fireEvent.click(screen.getByText('确认并绑定'));
    expect(await screen.findByText('请填写 11 位手机号或带区号的座机号码')).toBeTruthy();
    expect(server.calls('POST /v1/invitations/redeem')).toHaveLength(0);

    fireEvent.change(phoneInput(), { target: { value: '13900001111' } });
    fireEvent.click(screen.getByText('确认并绑定'));

    expect(await screen.findByText('绑定成功')).toBeTruthy();
    expect(screen.getByText('张骁')).toBeTruthy();
    expect(server.calls('POST /v1/invitations/redeem')[0].body).toEqual({ code: 'ABCDEFGH', name: '张骁', workPhone: '13900001111' });
  });

  it('an empty name is refused on the page; the server’s field problem lands under the name', async () => {
    sessionStore.setSession(resident());
    const server = fakeApi({
      'POST /v1/invitations/preview': { status: 200, body: preview },
      'POST /v1/invitations/redeem': {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: '提交的内容有误',
          details: [{ path: 'body.name', code: 'too_big', message: '不能超过 40 个字' }],
        },
      },
    });

    render(<BindPage />);
    typeCode('ABCDEFGH');
    await waitFor(() => expect(nameInput()).toBeTruthy());
    fireEvent.change(nameInput(), { target: { value: '  ' } });
    fireEvent.click(screen.getByText('确认并绑定'));
    expect(await screen.findByText('不能为空')).toBeTruthy();
    expect(server.calls('POST /v1/invitations/redeem')).toHaveLength(0);

    fireEvent.change(nameInput(), { target: { value: '张晓' } });
    fireEvent.click(screen.getByText('确认并绑定'));
    expect(await screen.findByText('不能超过 40 个字')).toBeTruthy();
    expect(document.querySelector('.cx-person-name-problem')?.textContent).toBe('不能超过 40 个字');
  });

  it('shows the server message when the code was already used', async () => {
    sessionStore.setSession(resident());
    fakeApi({ 'POST /v1/invitations/preview': errorReply(409, 'INVITATION_USED', '邀请码已被使用') });

    render(<BindPage />);
    typeCode('ABCDEFGH');

    expect(await screen.findByText('邀请码已被使用')).toBeTruthy();
    expect(screen.queryByText('绑定成功')).toBeNull();
  });

  it('shows the server message for an unknown code even though it is a 404', async () => {
    sessionStore.setSession(resident());
    fakeApi({ 'POST /v1/invitations/preview': errorReply(404, 'INVITATION_INVALID', '邀请码无效') });

    render(<BindPage />);
    typeCode('ZZZZ-ZZZZ');

    expect(await screen.findByText('邀请码无效')).toBeTruthy();
  });

  it('does not call the server for a code of the wrong length', () => {
    sessionStore.setSession(resident());
    const server = fakeApi({});

    render(<BindPage />);
    typeCode('abc-12');

    expect(screen.getByText('邀请码为 8 位字母或数字，请核对')).toBeTruthy();
    expect(server.sent).toHaveLength(0);
  });
});
