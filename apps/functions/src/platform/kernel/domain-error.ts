import type { ErrorCode, FieldError } from '@chuangxing/shared';

/**
 * An expected failure with a stable code; the HTTP edge maps the code to a status. `retryAfterSeconds`
 * (a limit, an outage) becomes the `Retry-After` header; `cause` is logged, never sent.
 */
export class DomainError extends Error {
  readonly retryAfterSeconds?: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldError[],
    options: { retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const notFound = (what = '资源') => new DomainError('NOT_FOUND', `${what}不存在或无权查看`);
export const forbiddenScope = () => new DomainError('FORBIDDEN_SCOPE', '超出您的管辖范围');
export const forbiddenRole = () => new DomainError('FORBIDDEN_ROLE', '您的角色无权进行此操作');
export const conflict = (message: string, path?: string) =>
  new DomainError('CONFLICT', message, path ? [{ path, code: 'conflict', message }] : undefined);
export const unauthenticated = (message = '登录已失效，请重新登录') => new DomainError('UNAUTHENTICATED', message);
export const invalid = (path: string, message: string, code = 'invalid') =>
  new DomainError('VALIDATION_FAILED', '提交的内容有误', [{ path, code, message }]);

/** An id in the body that names nothing the caller may see: 404, as an unknown id in the path, naming the field. */
export const unknownReference = (path: string, message: string) =>
  new DomainError('NOT_FOUND', message, [{ path, code: 'not_found', message }]);

/**
 * Codes of field errors that mean "this id of a unit, person or record names nothing". A catalogue item that
 * exists but does not belong where it is put (`unknown_task`, `unknown_veto`) is a 400 like any other rule.
 */
const REFERENCE_CODE = /^(not_found|unknown)$/;

/** A request's field errors as one error: 404 when an id among them names nothing (as the contract documents), else 400. */
export function invalidFields(message: string, errors: FieldError[]): DomainError {
  return new DomainError(errors.some((e) => REFERENCE_CODE.test(e.code)) ? 'NOT_FOUND' : 'VALIDATION_FAILED', message, errors);
}
