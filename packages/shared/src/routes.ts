import './zod-config';
import * as z from 'zod/mini';
import { ErrorBody } from './errors';
import { commonErrors, defineRoute, publicAccess, rolesAccess } from './route';
import { OFFICIAL_ROLES, ROLES } from './enums';
import { DevLoginBody, DevUserList, Me, Session, WechatLoginBody } from './contracts/auth.contract';
import {
  BranchDetail,
  BranchPath,
  CreateBranchBody,
  OrgTree,
  RenameBranchBody,
  TownshipBranches,
  TownshipPath,
} from './contracts/org.contract';
import {
  BindingList,
  BindingPath,
  BindingQuery,
  CreateInvitationBody,
  CreatedInvitation,
  InvitationList,
  InvitationQuery,
  RedeemInvitationBody,
  RedeemedInvitation,
  RevokedBinding,
} from './contracts/invitation.contract';

const Health = z.object({ status: z.literal('ok'), time: z.string() });
const OpenApiDocument = z.record(z.string(), z.unknown());

const ADMINS = ['district_admin', 'township_staff'] as const;

/** Every route of the API. The server registers exactly these; the client and OpenAPI derive from them. */
export const routes = {
  health: defineRoute({
    method: 'GET',
    path: '/health',
    summary: 'Liveness probe',
    access: publicAccess,
    responses: { 200: Health },
  }),
  getOpenApi: defineRoute({
    method: 'GET',
    path: '/v1/openapi.json',
    summary: 'This API as an OpenAPI 3.1 document',
    access: publicAccess,
    responses: { 200: OpenApiDocument },
  }),
  loginWithWechat: defineRoute({
    method: 'POST',
    path: '/v1/auth/wechat',
    summary: 'Exchange a wx.login code for an API token (code2session on the server)',
    access: publicAccess,
    body: WechatLoginBody,
    responses: { 200: Session, 400: ErrorBody, 401: ErrorBody, 502: ErrorBody },
  }),
  listDevUsers: defineRoute({
    method: 'GET',
    path: '/v1/auth/dev-users',
    summary: 'Local mode only: the seeded demo users',
    access: publicAccess,
    localOnly: true,
    responses: { 200: DevUserList, 404: ErrorBody },
  }),
  devLogin: defineRoute({
    method: 'POST',
    path: '/v1/auth/dev-login',
    summary: 'Local mode only: a token for a demo user',
    access: publicAccess,
    localOnly: true,
    body: DevLoginBody,
    responses: { 200: Session, 400: ErrorBody, 404: ErrorBody },
  }),
  getMe: defineRoute({
    method: 'GET',
    path: '/v1/me',
    summary: 'The caller: profile, roles and bindings',
    access: rolesAccess(...ROLES),
    responses: { 200: Me, ...commonErrors },
  }),
  getOrgTree: defineRoute({
    method: 'GET',
    path: '/v1/org/tree',
    summary: 'The district and the townships in the caller’s scope, with branch counts',
    access: rolesAccess(...OFFICIAL_ROLES),
    responses: { 200: OrgTree, ...commonErrors },
  }),
  listTownshipBranches: defineRoute({
    method: 'GET',
    path: '/v1/org/townships/{townshipId}/branches',
    summary: 'The branches of one township in the caller’s scope',
    access: rolesAccess(...OFFICIAL_ROLES),
    params: TownshipPath,
    responses: { 200: TownshipBranches, ...commonErrors },
  }),
  createBranch: defineRoute({
    method: 'POST',
    path: '/v1/org/townships/{townshipId}/branches',
    summary: 'Create a branch in a township',
    access: rolesAccess(...ADMINS),
    params: TownshipPath,
    body: CreateBranchBody,
    responses: { 201: BranchDetail, ...commonErrors, 409: ErrorBody },
  }),
  getBranch: defineRoute({
    method: 'GET',
    path: '/v1/org/branches/{branchId}',
    summary: 'One branch with its star set',
    access: rolesAccess(...OFFICIAL_ROLES),
    params: BranchPath,
    responses: { 200: BranchDetail, ...commonErrors },
  }),
  renameBranch: defineRoute({
    // PUT, not PATCH: wx.request has no PATCH.
    method: 'PUT',
    path: '/v1/org/branches/{branchId}',
    summary: 'Rename a branch (optimistic concurrency on version)',
    access: rolesAccess(...ADMINS),
    params: BranchPath,
    body: RenameBranchBody,
    responses: { 200: BranchDetail, ...commonErrors, 409: ErrorBody },
  }),
  createInvitation: defineRoute({
    method: 'POST',
    path: '/v1/invitations',
    summary: 'Invite a person to a role and scope; returns a one-time code',
    access: rolesAccess(...ADMINS),
    body: CreateInvitationBody,
    responses: { 201: CreatedInvitation, ...commonErrors },
  }),
  listInvitations: defineRoute({
    method: 'GET',
    path: '/v1/invitations',
    summary: 'Invitations in the caller’s scope, newest first',
    access: rolesAccess(...ADMINS),
    query: InvitationQuery,
    responses: { 200: InvitationList, ...commonErrors },
  }),
  redeemInvitation: defineRoute({
    method: 'POST',
    path: '/v1/invitations/redeem',
    summary: 'Bind the caller’s account with a one-time invitation code',
    access: rolesAccess(...ROLES),
    body: RedeemInvitationBody,
    responses: { 200: RedeemedInvitation, ...commonErrors, 409: ErrorBody, 410: ErrorBody },
  }),
  listBindings: defineRoute({
    method: 'GET',
    path: '/v1/bindings',
    summary: 'Active role bindings in the caller’s scope',
    access: rolesAccess(...ADMINS),
    query: BindingQuery,
    responses: { 200: BindingList, ...commonErrors },
  }),
  revokeBinding: defineRoute({
    method: 'DELETE',
    path: '/v1/users/{userId}/bindings/{bindingId}',
    summary: 'Revoke a role binding',
    access: rolesAccess(...ADMINS),
    params: BindingPath,
    responses: { 200: RevokedBinding, ...commonErrors, 409: ErrorBody },
  }),
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
