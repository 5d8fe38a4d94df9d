import '../zod-config';
import * as z from 'zod/mini';
import { ADMIN_ROLES, OfficialRole, ROLES, Role, Star } from '../enums';
import { ErrorBody } from '../errors';
import { defineRoute, publicAccess, rolesAccess } from '../route';
import { CODE_ALPHABET, Id, IsoDateTime, Name, RoleBinding, Scope } from './common.contract';

/* ---------- sign-in ---------- */

export const WechatLoginBody = z.strictObject({
  /** The one-time code from wx.login. */
  code: z.string().check(z.regex(/^[\x21-\x7e]{1,128}$/, '缺少登录凭证')),
});

// Zod-free (enum-values.ts), so 我的 in the main package shows it without the identity contract.
export { DEFAULT_DISPLAY_NAME } from '../enum-values';

export const UserProfile = z.object({
  id: Id,
  displayName: z.string(),
  isDemo: z.boolean(),
  createdAt: IsoDateTime,
  /** When the person last confirmed or chose their name; absent while they are still 居民 by default. */
  nameSetAt: z.optional(IsoDateTime),
  /** Their work phone: in their own profile, and to their supervisors (the bindings list) only. */
  workPhone: z.optional(z.string()),
});
export type UserProfile = z.infer<typeof UserProfile>;

/** Who the caller is: the profile and every active binding. Resident is implicit for everyone. */
export const Me = z.object({
  user: UserProfile,
  roles: z.array(Role),
  bindings: z.array(RoleBinding),
});
export type Me = z.infer<typeof Me>;

export const Session = z.object({
  token: z.string(),
  expiresAt: IsoDateTime,
  me: Me,
});
export type Session = z.infer<typeof Session>;

export const DevUser = z.object({
  userId: Id,
  displayName: z.string(),
  role: Role,
  scopeLabel: z.string(),
});
export type DevUser = z.infer<typeof DevUser>;

export const DevUserList = z.object({ users: z.array(DevUser) });

const PHONE = '(?:1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})';
const WORK_PHONE_MESSAGE = '请填写 11 位手机号或带区号的座机号码';
/** A work phone: an 11-digit mobile, or a landline with its area code (spaces around it are dropped). */
export const WorkPhone = z.string().check(z.regex(new RegExp(`^\\s*${PHONE}\\s*$`), WORK_PHONE_MESSAGE), z.trim());

/** 我的 → 修改姓名: the name shown on everything the person does; an empty work phone removes it, none keeps it. */
export const UpdateProfileBody = z.strictObject({
  displayName: Name,
  workPhone: z.optional(z.string().check(z.regex(new RegExp(`^\\s*(?:${PHONE})?\\s*$`), WORK_PHONE_MESSAGE), z.trim())),
});
export type UpdateProfileBody = z.infer<typeof UpdateProfileBody>;
export const DevLoginBody = z.strictObject({ userId: Id });

/* ---------- invitations and role bindings ---------- */

export const INVITATION_STATUSES = ['open', 'redeemed', 'revoked'] as const;

export const Invitation = z.object({
  id: Id,
  inviteeName: z.string(),
  role: OfficialRole,
  scope: Scope,
  scopeLabel: z.string(),
  /** The star a 专班 invitation reviews. */
  star: z.optional(Star),
  status: z.enum(INVITATION_STATUSES),
  expiresAt: IsoDateTime,
  createdAt: IsoDateTime,
  createdBy: Id,
  redeemedBy: z.optional(Id),
  redeemedAt: z.optional(IsoDateTime),
});
export type Invitation = z.infer<typeof Invitation>;

export const CreateInvitationBody = z.strictObject({
  inviteeName: Name,
  role: OfficialRole,
  scope: Scope,
  /** Required for a 专班 (taskforce): the one star it reviews across the district; refused for every other role. */
  star: z.optional(Star),
  /** 1 hour to 30 days; defaults to 72 hours. */
  expiresInHours: z.optional(z.int().check(z.minimum(1), z.maximum(720))),
});
export type CreateInvitationBody = z.infer<typeof CreateInvitationBody>;

/** The code is shown once, at creation; the server keeps only its hash. */
export const CreatedInvitation = z.object({ invitation: Invitation, code: z.string() });

/** Codes are 8 characters from an alphabet without look-alikes; dashes and spaces are ignored. */
export const INVITATION_CODE_ALPHABET = CODE_ALPHABET;
const InvitationCode = z.string().check(
  // As typed: either case, with spaces or dashes anywhere; the OpenAPI pattern states the same.
  z.regex(/^[\s-]*(?:[23456789ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz][\s-]*){8}$/, '邀请码为 8 位字母或数字'),
  z.toUpperCase(),
  z.overwrite((s) => s.replace(/[\s-]/g, '')),
);
/** Look an invitation up before redeeming it, to confirm the name it gives (a POST: codes stay out of URLs). */
export const PreviewInvitationBody = z.strictObject({ code: InvitationCode });
/** Who the invitation is for and what it grants. */
export const InvitationPreview = z.object({
  inviteeName: z.string(),
  role: OfficialRole,
  scopeLabel: z.string(),
  star: z.optional(Star),
  expiresAt: IsoDateTime,
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;
/**
 * Redeem: the person confirms or corrects the name the invitation gave (without `name`, the invitation's name
 * is taken) and may add a work phone, shown only to their supervisors.
 */
export const RedeemInvitationBody = z.strictObject({
  code: InvitationCode,
  name: z.optional(Name),
  workPhone: z.optional(WorkPhone),
});

export const RedeemedInvitation = z.object({ binding: RoleBinding });

export const InvitationList = z.object({ invitations: z.array(Invitation) });
export const InvitationQuery = z.strictObject({ townshipId: z.optional(Id) });

export const BindingList = z.object({ bindings: z.array(RoleBinding) });
export const BindingQuery = z.strictObject({ townshipId: z.optional(Id) });
export const BindingPath = z.strictObject({ userId: Id, bindingId: Id });
export const RevokedBinding = z.object({ binding: RoleBinding });

/* ---------- routes ---------- */

/** Sign-in (WeChat, and demo users on the local stack), the caller's profile, invitations and role bindings. */
export const identityRoutes = {
  loginWithWechat: defineRoute({
    method: 'POST',
    path: '/v1/auth/wechat',
    summary: 'Exchange a wx.login code for an API token (code2session on the server)',
    access: publicAccess,
    body: WechatLoginBody,
    /** 429: too many attempts from one address (Retry-After says when to try again). */
    responses: { 200: Session, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody, 502: ErrorBody },
  }),
  listDevUsers: defineRoute({
    method: 'GET',
    path: '/v1/auth/dev-users',
    summary: 'Local mode only: the seeded demo users',
    access: publicAccess,
    localOnly: true,
    responses: { 200: DevUserList, 400: ErrorBody, 404: ErrorBody },
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
    responses: { 200: Me },
  }),
  updateMyProfile: defineRoute({
    method: 'PUT',
    path: '/v1/me/profile',
    summary: 'Change the caller’s name (shown on everything they do) and work phone',
    access: rolesAccess(...ROLES),
    body: UpdateProfileBody,
    responses: { 200: Me },
  }),
  createInvitation: defineRoute({
    method: 'POST',
    path: '/v1/invitations',
    summary: 'Invite a person to a role and scope; returns a one-time code',
    access: rolesAccess(...ADMIN_ROLES),
    body: CreateInvitationBody,
    responses: { 201: CreatedInvitation },
  }),
  listInvitations: defineRoute({
    method: 'GET',
    path: '/v1/invitations',
    summary: 'Invitations in the caller’s scope, newest first',
    access: rolesAccess(...ADMIN_ROLES),
    query: InvitationQuery,
    responses: { 200: InvitationList },
  }),
  previewInvitation: defineRoute({
    method: 'POST',
    path: '/v1/invitations/preview',
    summary: 'Who an invitation code is for and what it grants, before redeeming it',
    access: rolesAccess(...ROLES),
    body: PreviewInvitationBody,
    responses: { 200: InvitationPreview, 409: ErrorBody, 410: ErrorBody },
  }),
  redeemInvitation: defineRoute({
    method: 'POST',
    path: '/v1/invitations/redeem',
    summary: 'Bind the caller’s account with a one-time invitation code, confirming their name',
    access: rolesAccess(...ROLES),
    body: RedeemInvitationBody,
    responses: { 200: RedeemedInvitation, 409: ErrorBody, 410: ErrorBody },
  }),
  listBindings: defineRoute({
    method: 'GET',
    path: '/v1/bindings',
    summary: 'Active role bindings in the caller’s scope',
    access: rolesAccess(...ADMIN_ROLES),
    query: BindingQuery,
    responses: { 200: BindingList },
  }),
  revokeBinding: defineRoute({
    method: 'DELETE',
    path: '/v1/users/{userId}/bindings/{bindingId}',
    summary: 'Revoke a role binding',
    access: rolesAccess(...ADMIN_ROLES),
    params: BindingPath,
    responses: { 200: RevokedBinding, 409: ErrorBody },
  }),
} as const;
