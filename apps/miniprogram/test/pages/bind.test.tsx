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

function typeCode(value: string) {
  fireEvent.change(screen.getByPlaceholderText('例如 ABCD-EFGH'), { target: { value } });
  fireEvent.click(screen.getByText('绑定'));
}

describe('bind page', () => {
  it('normalises like the server: trims, upper-cases, drops dashes and spaces', () => {
    expect(normaliseInvitationCode(' abcd-efgh ')).toBe('ABCDEFGH');
    expect(normaliseInvitationCode('ab cd ef-gh')).toBe('ABCDEFGH');
  });

  it('sends the normalised code, shows the new role and scope, and refreshes the profile', async () => {
    sessionStore.setSession(resident());
    const server = fakeApi({
      'POST /v1/invitations/redeem': { status: 200, body: { binding: secretaryBinding } },
      'GET /v1/me': { status: 200, body: makeMe({ bindings: [secretaryBinding] }) },
    });

    render(<BindPage />);
    typeCode('abcd-efgh');

    expect(await screen.findByText('绑定成功')).toBeTruthy();
    expect(screen.getByText('支部书记')).toBeTruthy();
    expect(screen.getByText('五里堡街道 · 建新南街社区')).toBeTruthy();
    expect(server.calls('POST /v1/invitations/redeem')[0].body).toEqual({ code: 'ABCDEFGH' });
    await waitFor(() => expect(sessionStore.get().me?.bindings[0]?.role).toBe('secretary'));
  });

  it('shows the server message when the code was already used', async () => {
    sessionStore.setSession(resident());
    fakeApi({ 'POST /v1/invitations/redeem': errorReply(409, 'INVITATION_USED', '邀请码已被使用') });

    render(<BindPage />);
    typeCode('ABCDEFGH');

    expect(await screen.findByText('邀请码已被使用')).toBeTruthy();
    expect(screen.queryByText('绑定成功')).toBeNull();
  });

  it('shows the server message for an unknown code even though it is a 404', async () => {
    sessionStore.setSession(resident());
    fakeApi({ 'POST /v1/invitations/redeem': errorReply(404, 'INVITATION_INVALID', '邀请码无效') });

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
