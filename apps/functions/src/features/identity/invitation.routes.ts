import type { Routes } from '@chuangxing/shared';
import type { RouteImpl } from '../../platform/http/route-context';
import { presentInvitation } from '../org/presenters';
import { createInvitation as createUseCase } from './create-invitation';
import { formatCode } from './invitation';
import { listBindings as listBindingsUseCase } from './list-bindings';
import { listInvitations as listUseCase } from './list-invitations';
import { redeemInvitation as redeemUseCase } from './redeem-invitation';
import { revokeBinding as revokeUseCase } from './revoke-binding';

export const createInvitation: RouteImpl<Routes['createInvitation']> = async ({ deps, principal, allowed, body }) => {
  const { invitation, code } = await createUseCase(deps, principal, allowed, body);
  return { status: 201, body: { invitation: presentInvitation(invitation), code: formatCode(code) } };
};

export const listInvitations: RouteImpl<Routes['listInvitations']> = async ({ deps, principal, allowed, query }) => ({
  status: 200,
  body: { invitations: (await listUseCase(deps, principal, allowed, query.townshipId)).map(presentInvitation) },
});

export const redeemInvitation: RouteImpl<Routes['redeemInvitation']> = async ({ deps, principal, body }) => ({
  status: 200,
  body: { binding: await redeemUseCase(deps, principal, body.code) },
});

export const listBindings: RouteImpl<Routes['listBindings']> = async ({ deps, principal, allowed, query }) => ({
  status: 200,
  body: { bindings: await listBindingsUseCase(deps, principal, allowed, query.townshipId) },
});

export const revokeBinding: RouteImpl<Routes['revokeBinding']> = async ({ deps, principal, allowed, params }) => ({
  status: 200,
  body: { binding: await revokeUseCase(deps, principal, allowed, params.userId, params.bindingId) },
});
