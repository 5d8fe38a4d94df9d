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
  /** Who holds it: their current name (an admin's list needs a person, not a user id). */
  holderName: z.optional(z.string()),
  /** The holder's work phone, in the bindings list of their supervisors only. */
  holderPhone: z.optional(z.string()),
  createdAt: IsoDateTime,
  createdBy: z.string(),
  revokedAt: z.optional(IsoDateTime),
});
export type RoleBinding = z.infer<typeof RoleBinding>;

export { ScopeLevel };

/** Path parameters naming one township or one branch. */
export const TownshipPath = z.strictObject({ townshipId: Id });
export const BranchPath = z.strictObject({ branchId: Id });

/** A Shanghai quarter, e.g. 2026-Q4: observations roll up and rankings are computed by it. */
export const QuarterKey = z.string().check(z.regex(/^\d{4}-Q[1-4]$/, '季度格式应为 YYYY-Qn，例如 2026-Q4'));

/** An Asia/Shanghai calendar day, `YYYY-MM-DD`. */
export const DayKey = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  z.refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '不是有效日期'),
);
export type DayKey = z.infer<typeof DayKey>;
export const MonthKey = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'));

/** A client-chosen key that makes a retried create or start land on the same record. */
export const ClientKey = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确'));

/* ---------- uploads and downloads ---------- */

export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** Limits after client-side compression: a phone photo is resized to ≤ 1280 px (~150–300 KB). */
export const UPLOAD_LIMITS = {
  photo: 2 * 1024 * 1024,
  thumb: 200 * 1024,
} as const;

/** A browser-style presigned POST: send `fields` then the file as multipart/form-data to `url`. */
export const PresignedUpload = z.object({
  key: z.string(),
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  maxBytes: z.int(),
  expiresAt: IsoDateTime,
});
export type PresignedUpload = z.infer<typeof PresignedUpload>;

/** A file download; the edge sends the bytes with this content type instead of JSON. */
export const FileBody = z.object({ filename: z.string(), contentType: z.string(), base64: z.string() });

/** The alphabet of invitation codes and 查询码: no look-alikes (0/O, 1/I/L); dashes and spaces are ignored. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
