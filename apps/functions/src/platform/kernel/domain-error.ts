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
