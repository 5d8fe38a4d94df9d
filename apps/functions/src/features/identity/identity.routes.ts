import type { identityRoutes } from '@chuangxing/shared';
import type { RouteImpls } from '../../platform/http/route-context';
import { createInvitation } from './create-invitation';
import { devLogin, listDevUsers } from './dev-login';
import { getMe } from './get-me';
import type { IdentityPorts } from './identity.ports';
import { formatCode, presentInvitation } from './invitation';
import { listBindings } from './list-bindings';
import { listInvitations } from './list-invitations';
import { loginWithWechat } from './login-with-wechat';
import { previewInvitation, redeemInvitation } from './redeem-invitation';
import { revokeBinding } from './revoke-binding';
import { updateMyProfile } from './update-my-profile';

export const identityImplementations: RouteImpls<typeof identityRoutes, IdentityPorts> = {
  loginWithWechat: async ({ deps, body, sourceIp }) => ({ status: 200, body: await loginWithWechat(deps, body.code, sourceIp) }),
  listDevUsers: async ({ deps }) => ({ status: 200, body: { users: await listDevUsers(deps) } }),
  devLogin: async ({ deps, body }) => ({ status: 200, body: await devLogin(deps, body.userId) }),
  getMe: async ({ principal }) => ({ status: 200, body: getMe(principal) }),
  updateMyProfile: async ({ deps, principal, body }) => ({ status: 200, body: await updateMyProfile(deps, principal, body) }),
  createInvitation: async ({ deps, principal, allowed, body }) => {
    const { invitation, code } = await createInvitation(deps, principal, allowed, body);
    return { status: 201, body: { invitation: presentInvitation(invitation), code: formatCode(code) } };
  },
  listInvitations: async ({ deps, principal, allowed, query }) => ({
    status: 200,
    body: { invitations: (await listInvitations(deps, principal, allowed, query.townshipId)).map(presentInvitation) },
  }),
  previewInvitation: async ({ deps, body }) => ({ status: 200, body: await previewInvitation(deps, body.code) }),
  redeemInvitation: async ({ deps, principal, body }) => ({
    status: 200,
    body: { binding: await redeemInvitation(deps, principal, body.code, { name: body.name, workPhone: body.workPhone }) },
  }),
  listBindings: async ({ deps, principal, allowed, query }) => ({
    status: 200,
    body: { bindings: await listBindings(deps, principal, allowed, query.townshipId) },
  }),
  revokeBinding: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: { binding: await revokeBinding(deps, principal, allowed, params.userId, params.bindingId) },
  }),
};
