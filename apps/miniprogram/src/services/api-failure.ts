import type { ErrorBody } from '@chuangxing/shared';

/** What a page needs to show a failed request. */
export interface Failure {
  /** HTTP status when the server answered; absent for network failures. */
  status?: number;
  /** Stable error code from the server's error body, if any. */
  code?: string;
  /** Chinese text for the user. */
  message: string;
}

export const NETWORK_ERROR_MESSAGE = '网络连接失败，请检查网络后重试';
export const NOT_VISIBLE_MESSAGE = '无权查看或不存在';

export function isErrorBody(body: unknown): body is ErrorBody {
  if (!body || typeof body !== 'object') return false;
  const b = body as Record<string, unknown>;
  return typeof b.code === 'string' && typeof b.message === 'string';
}

/** The failure for a response the page did not expect; uses the server's Chinese message when it sent one. */
export function failureOf(res: { status: number; body: unknown }): Failure {
  if (isErrorBody(res.body)) return { status: res.status, code: res.body.code, message: res.body.message };
  if (res.status === 401) return { status: 401, message: '登录已失效，请重新登录' };
  if (res.status === 403 || res.status === 404) return { status: res.status, message: NOT_VISIBLE_MESSAGE };
  return { status: res.status, message: `服务暂时不可用（${res.status}），请稍后重试` };
}

/** An Error carrying a Failure, so it can travel through promise rejections. */
export function failureError(failure: Failure): Error & Failure {
  return Object.assign(new Error(failure.message), failure);
}

/** Any rejection (network error, thrown failure, bug) as a Failure. */
export function toFailure(err: unknown): Failure {
  if (err && typeof err === 'object' && typeof (err as Failure).message === 'string') {
    const { status, code, message } = err as Failure;
    return { status, code, message: message || NETWORK_ERROR_MESSAGE };
  }
  return { message: NETWORK_ERROR_MESSAGE };
}

/**
 * The body of the expected success status, or a thrown Failure.
 * Keeps the contract's typing: `expectStatus(await api.getOrgTree({}), 200)` is an OrgTree.
 */
export function expectStatus<R extends { status: number; body: unknown }, S extends R['status']>(
  res: R,
  status: S,
): Extract<R, { status: S }>['body'] {
  if (res.status === status) return res.body as Extract<R, { status: S }>['body'];
  throw failureError(failureOf(res));
}

/**
 * The field messages of an error body, keyed by the field's path inside the request body
 * ("inviteeName", "scope.townshipIds"). The router prefixes schema paths with the request part
 * ("body.inviteeName"); rule checks in use cases may not, so both forms are accepted.
 */
export function fieldErrorsOf(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isErrorBody(body) || !Array.isArray(body.details)) return out;
  for (const detail of body.details) {
    const path = detail.path.replace(/^body(\.|$)/, '');
    if (!(path in out)) out[path] = detail.message;
  }
  return out;
}

/** The first message for `field` or any path below it ("scope" matches "scope.townshipIds"). */
export function fieldError(fields: Record<string, string>, field: string): string | undefined {
  const key = Object.keys(fields).find((path) => path === field || path.startsWith(`${field}.`));
  return key === undefined ? undefined : fields[key];
}

/** What the user sees for a failure on a data page: 403 and 404 are deliberately indistinguishable. */
export function displayMessage(failure: Failure): string {
  if (failure.status === 403 || failure.status === 404) return NOT_VISIBLE_MESSAGE;
  return failure.message;
}
