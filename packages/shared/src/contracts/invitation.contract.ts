import '../zod-config';
import * as z from 'zod/mini';
import { OfficialRole } from '../enums';
import { Id, IsoDateTime, Name, RoleBinding, Scope } from './common.contract';

export const INVITATION_STATUSES = ['open', 'redeemed', 'revoked'] as const;

export const Invitation = z.object({
  id: Id,
  inviteeName: z.string(),
  role: OfficialRole,
  scope: Scope,
  scopeLabel: z.string(),
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
  /** 1 hour to 30 days; defaults to 72 hours. */
  expiresInHours: z.optional(z.int().check(z.minimum(1), z.maximum(720))),
});
export type CreateInvitationBody = z.infer<typeof CreateInvitationBody>;

/** The code is shown once, at creation; the server keeps only its hash. */
export const CreatedInvitation = z.object({ invitation: Invitation, code: z.string() });

/** Codes are 8 characters from an alphabet without look-alikes; dashes and spaces are ignored. */
export const INVITATION_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const RedeemInvitationBody = z.strictObject({
  code: z.string().check(
    z.trim(),
    z.toUpperCase(),
    z.overwrite((s) => s.replace(/[\s-]/g, '')),
    z.regex(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/, '邀请码为 8 位字母或数字'),
  ),
});

export const RedeemedInvitation = z.object({ binding: RoleBinding });

export const InvitationList = z.object({ invitations: z.array(Invitation) });
export const InvitationQuery = z.strictObject({ townshipId: z.optional(Id) });

export const BindingList = z.object({ bindings: z.array(RoleBinding) });
export const BindingQuery = z.strictObject({ townshipId: z.optional(Id) });
export const BindingPath = z.strictObject({ userId: Id, bindingId: Id });
export const RevokedBinding = z.object({ binding: RoleBinding });

export { IsoDateTime };
