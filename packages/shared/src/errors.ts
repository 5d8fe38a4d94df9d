import './zod-config';
import * as z from 'zod/mini';

/** Stable error codes. Clients branch on these, never on messages. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'BODY_TOO_LARGE',
  'UNAUTHENTICATED',
  'FORBIDDEN_ROLE',
  'FORBIDDEN_SCOPE',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'ILLEGAL_TRANSITION',
  'RATE_LIMITED',
  'INVITATION_INVALID',
  'INVITATION_USED',
  'INVITATION_EXPIRED',
  'WECHAT_LOGIN_FAILED',
  'UPSTREAM_UNAVAILABLE',
  /** The database is down or too slow to answer within the API's time budget: retry after `Retry-After`. */
  'UNAVAILABLE',
  'INTERNAL',
  /** A test attempt submitted after its deadline plus the grace. */
  'TIME_UP',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldError = z.object({
  /** Dotted path to the field, e.g. `scope.townshipIds.0`; empty for the whole body. */
  path: z.string(),
  code: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

export const ErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.optional(z.array(FieldError)),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
