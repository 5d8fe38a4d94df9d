import '../zod-config';
import * as z from 'zod/mini';
import { OfficialRole, ScopeLevel, Star } from '../enums';
import { userText } from './user-text';

/** Ids are seed slugs or ULIDs: short, URL-safe. */
export const Id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确'));
export const IsoDateTime = z.iso.datetime({ offset: true });
/** A person's or a unit's display name: one line, trimmed, 1–40 characters. */
export const Name = userText({ min: 1, max: 40 });

/** An array whose items must all differ; the OpenAPI document says `uniqueItems`. */
export function uniqueItems<T extends z.ZodMiniArray>(array: T, message = '有重复的项目'): T {
  const keyOf = (v: unknown): string =>
    v !== null && typeof v === 'object'
      ? Array.isArray(v)
        ? `[${v.map(keyOf).join(',')}]`
        : `{${Object.keys(v)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${keyOf((v as Record<string, unknown>)[k])}`)
            .join(',')}}`
      : JSON.stringify(v);
  const checked = array.check(z.refine((items: unknown[]) => new Set(items.map(keyOf)).size === items.length, { message, abort: true }));
  z.globalRegistry.add(checked as z.ZodMiniType, { uniqueItems: true });
  return checked;
}

/**
 * An integer in a path or query string: decimal digits only (an empty value, `0x10` or ` 12 ` is refused,
 * not read as a number), within its bounds. The OpenAPI document shows the integer and its bounds.
 */
export function intParam(min: number, max: number = Number.MAX_SAFE_INTEGER) {
  return z.pipe(
    z.transform((v: unknown) => (typeof v === 'string' && /^-?\d{1,15}$/.test(v) ? Number(v) : v)),
    z.int().check(z.minimum(min), z.maximum(max)),
  );
}

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
  /** A 专班 (taskforce) binding reviews this one star across the district; no other role carries a star. */
  star: z.optional(Star),
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

/**
 * Days, months, quarters and years are those of 2000–2099: the campaign's own century. The patterns say it
 * in the OpenAPI document, so `0000-Q1`, `1969-Q4`, `0000-00-00` or `2026-02-30` are refused at the contract.
 */
export const CALENDAR_YEARS = { min: 2000, max: 2099 } as const;
const YEAR = '20\\d\\d';
const MONTH_DAY = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))';
/** Every year of 2000–2099 divisible by 4 is a leap year. */
const LEAP_DAY = '20(?:[02468][048]|[13579][26])-02-29';
export const DAY_PATTERN = new RegExp(`^(?:${YEAR}-${MONTH_DAY}|${LEAP_DAY})$`);
export const MONTH_PATTERN = new RegExp(`^${YEAR}-(?:0[1-9]|1[0-2])$`);
export const QUARTER_PATTERN = new RegExp(`^${YEAR}-Q[1-4]$`);

/** A Shanghai quarter, e.g. 2026-Q4: observations roll up and rankings are computed by it. */
export const QuarterKey = z.string().check(z.regex(QUARTER_PATTERN, '季度格式应为 YYYY-Qn（2000–2099 年），例如 2026-Q4'));

/** An Asia/Shanghai calendar day, `YYYY-MM-DD`, a real date of 2000–2099. */
export const DayKey = z.string().check(z.regex(DAY_PATTERN, '日期应为 2000–2099 年间的有效日期，格式 YYYY-MM-DD'));
export type DayKey = z.infer<typeof DayKey>;
export const MonthKey = z.string().check(z.regex(MONTH_PATTERN, '月份格式应为 YYYY-MM（2000–2099 年）'));
/** A calendar year in a path, e.g. a plan's or a board's. */
export const YearParam = intParam(CALENDAR_YEARS.min, CALENDAR_YEARS.max);

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
