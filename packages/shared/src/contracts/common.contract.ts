import '../zod-config';
import * as z from 'zod/mini';
import { OfficialRole, ScopeLevel } from '../enums';

/** Ids are seed slugs or ULIDs: short, URL-safe. */
export const Id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确'));
export const IsoDateTime = z.iso.datetime({ offset: true });
/** A person's or a unit's display name: trimmed, 1–40 characters. */
export const Name = z.string().check(z.trim(), z.minLength(1, '不能为空'), z.maxLength(40, '不能超过 40 个字'));

export const Scope = z.discriminatedUnion('level', [
  z.strictObject({ level: z.literal('district'), districtId: Id }),
  z.strictObject({
    level: z.literal('township'),
    districtId: Id,
    townshipIds: z.array(Id).check(z.minLength(1), z.maxLength(18)),
  }),
  z.strictObject({ level: z.literal('branch'), districtId: Id, townshipId: Id, branchId: Id }),
]);
export type Scope = z.infer<typeof Scope>;

export const RoleBinding = z.object({
  bindingId: Id,
  userId: Id,
  role: OfficialRole,
  scope: Scope,
  /** Human-readable scope, e.g. "五里堡街道 · 建新南街社区". */
  scopeLabel: z.string(),
  /** Who holds it, as the invitation named them (an admin's list needs a person, not a user id). */
  holderName: z.optional(z.string()),
  createdAt: IsoDateTime,
  createdBy: z.string(),
  revokedAt: z.optional(IsoDateTime),
});
export type RoleBinding = z.infer<typeof RoleBinding>;

export { ScopeLevel };

/** A Shanghai quarter, e.g. 2026-Q4: observations roll up and rankings are computed by it. */
export const QuarterKey = z.string().check(z.regex(/^\d{4}-Q[1-4]$/, '季度格式应为 YYYY-Qn，例如 2026-Q4'));
