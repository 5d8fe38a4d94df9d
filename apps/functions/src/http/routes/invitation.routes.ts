import type { Routes } from '@chuangxing/shared';
import { formatCode } from '../../domain/invitation';
import { createInvitation as createUseCase } from '../../use-cases/create-invitation';
import { listBindings as listBindingsUseCase } from '../../use-cases/list-bindings';
import { listInvitations as listUseCase } from '../../use-cases/list-invitations';
import { redeemInvitation as redeemUseCase } from '../../use-cases/redeem-invitation';
import { revokeBinding as revokeUseCase } from '../../use-cases/revoke-binding';
import type { RouteImpl } from '../route-context';
import { presentInvitation } from './presenters';

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
