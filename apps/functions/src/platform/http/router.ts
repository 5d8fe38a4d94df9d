import { type ErrorBody, FILE_CONTENT_TYPES, type HttpMethod, ROUTE_INDEX, type RouteDef } from '@chuangxing/shared';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, forbiddenRole } from '../kernel/domain-error';
import { isAllowed, type Principal } from '../kernel/principal';
import type { Logger } from '../observability/logger';
import { corsHeaders } from './cors';
import { ERROR_STATUS } from './error-status';
import type { ServedFeature } from './feature';
import type { RouteContext } from './route-context';
import { SECURITY_HEADERS } from './security-headers';
import { NO_QUERY, parsePart } from './validation';

export const MAX_BODY_BYTES = 64 * 1024;

export interface RouterOptions {
  /** The features this app serves; any other contract route answers 404 NOT_FOUND (ROUTE_INDEX knows them). */
  features: readonly ServedFeature[];
  /** The caller behind a bearer token (401 when there is none or it is invalid). */
  authenticate: (bearer: string | undefined) => Promise<Principal>;
  /** Local-only routes (dev login, the outbox) exist only when dev login is on. */
  devLogin: boolean;
  corsOrigins: readonly string[];
  logger: Logger;
}

type Impl = (ctx: RouteContext<RouteDef, unknown>) => Promise<{ status: number; body: unknown }>;

interface Compiled {
  pattern: RegExp;
  paramNames: string[];
}

interface ServedRoute extends Compiled {
  name: string;
  route: RouteDef;
  impl: Impl;
  deps: unknown;
}

function compile(path: string): Compiled {
  const paramNames: string[] = [];
  const source = path
    .split('/')
    .map((seg) => {
      const param = /^\{(\w+)\}$/.exec(seg);
      if (!param) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      paramNames.push(param[1]);
      return '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), paramNames };
}

/** Every contract route's path, compiled once per process, for 404 (served elsewhere) and 405. */
let indexCompiled: { method: HttpMethod; compiled: Compiled }[] | undefined;
const routeIndex = () => (indexCompiled ??= ROUTE_INDEX.map(([method, path]) => ({ method, compiled: compile(path) })));

const malformedPath = (field: string) =>
  new DomainError('VALIDATION_FAILED', '请求路径格式错误', [{ path: field, code: 'malformed_path', message: '路径中的编码不正确' }]);

/** A malformed %-escape is the client's mistake (400 naming the parameter), never a 500. */
function decodePathSegment(raw: string, name: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw malformedPath(`params.${name}`);
  }
}

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** The `Allow` header of a 405: every method the contract serves on this path. */
function allowedMethods(path: string): string {
  const methods = routeIndex().flatMap((x) => (x.compiled.pattern.test(path) ? [x.method] : []));
  return [...new Set(methods)].join(', ');
}

/** The parsed JSON body, or undefined when none was sent (a JSON `null` is a body, and the schema refuses it). */
function readBody(event: APIGatewayProxyEventV2): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (raw.byteLength > MAX_BODY_BYTES) {
    throw new DomainError('BODY_TOO_LARGE', '提交的内容过大（上限 64 KB）', [
      { path: 'body', code: 'too_big', message: `请求体为 ${raw.byteLength} 字节，超过 ${MAX_BODY_BYTES} 字节上限` },
    ]);
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new DomainError('MALFORMED_JSON', '请求格式错误，无法解析', [{ path: 'body', code: 'invalid_json', message: '不是合法的 JSON' }]);
  }
}

const bodyOrEmpty = (body: unknown) => (body === undefined ? {} : body);

function bearerOf(event: APIGatewayProxyEventV2): string | undefined {
  const h = event.headers?.authorization ?? event.headers?.Authorization;
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1];
}

function json(status: number, body: unknown, headers: Record<string, string>): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS, ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

/** Bytes, not JSON: API Gateway decodes a base64 body when isBase64Encoded is set. */
function fileResult(
  file: { filename: string; contentType: string; base64: string },
  contentType: string,
  headers: Record<string, string>,
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 200,
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'cache-control': 'no-store',
      ...SECURITY_HEADERS,
      ...headers,
    },
    body: file.base64,
    isBase64Encoded: true,
  };
}

/**
 * The API behind every transport: each API function (handlers/*-api.handler.ts) serves its features, and the
 * local node:http server and the tests serve them all. A request is matched, authenticated, checked against
 * the route's roles and validated with the contract before its feature's implementation runs.
 */
export function createRouter({ features, authenticate, devLogin, corsOrigins, logger }: RouterOptions) {
  const served: ServedRoute[] = features.flatMap((f) =>
    Object.entries(f.routes).map(([name, route]) => ({
      name,
      route,
      impl: f.implementations[name] as Impl,
      deps: f.deps,
      ...compile(route.path),
    })),
  );

  function match(method: string, path: string): { r: ServedRoute; params: Record<string, string> } {
    for (const r of served) {
      if (r.route.method !== method) continue;
      const m = r.pattern.exec(path);
      if (!m) continue;
      if (r.route.localOnly && !devLogin) throw new DomainError('ROUTE_NOT_FOUND', '接口不存在');
      const params: Record<string, string> = {};
      r.paramNames.forEach((p, i) => {
        params[p] = decodePathSegment(m[i + 1], p);
      });
      return { r, params };
    }
    // Literal segments never hold a %-escape, so a malformed one there matches no route: still the client's mistake.
    if (!decodes(path)) throw malformedPath('path');
    const sameMethod = routeIndex().some((x) => x.method === method && x.compiled.pattern.test(path));
    if (sameMethod) throw new DomainError('NOT_FOUND', '接口不在此服务中');
    const pathKnown = routeIndex().some((x) => x.compiled.pattern.test(path));
    throw pathKnown ? new DomainError('METHOD_NOT_ALLOWED', '不支持该请求方法') : new DomainError('ROUTE_NOT_FOUND', '接口不存在');
  }

  async function dispatch(event: APIGatewayProxyEventV2) {
    const method = event.requestContext.http.method.toUpperCase();
    const { r, params: rawParams } = match(method, event.rawPath);
    const { route } = r;
    let principal: Principal | undefined;
    if (route.access.kind !== 'public') {
      principal = await authenticate(bearerOf(event));
      if (!isAllowed(principal, route.access)) throw forbiddenRole();
    }
    const ctx: RouteContext<RouteDef, unknown> = {
      params: parsePart(route.params, rawParams, 'params'),
      query: parsePart(route.query ?? NO_QUERY, { ...(event.queryStringParameters ?? {}) }, 'query'),
      // No body reads as {} (so a required field is named); a sent `null`, array or scalar is refused as it is.
      body: route.body ? parsePart(route.body, bodyOrEmpty(readBody(event)), 'body') : undefined,
      principal: principal as Principal,
      allowed: route.access.kind === 'public' ? [] : route.access.roles,
      sourceIp: event.requestContext.http.sourceIp ?? '',
      deps: r.deps,
    };
    const res = await r.impl(ctx);
    const file = res.status === 200 && route.produces ? FILE_CONTENT_TYPES[route.produces] : undefined;
    // The contract states the file's type; a feature sending another is a bug, not a different answer.
    if (file && (res.body as { contentType?: string }).contentType !== file) throw new Error(`${r.name} sent a file that is not ${file}`);
    return {
      ...res,
      userId: route.unloggedCaller ? undefined : principal?.user.id,
      route: r.name,
      file,
    };
  }

  return {
    async handle(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
      const started = Date.now();
      const origin = event.headers?.origin ?? event.headers?.Origin;
      const cors = corsHeaders(origin, corsOrigins);
      const method = event.requestContext.http.method.toUpperCase();
      if (method === 'OPTIONS') return { statusCode: 204, headers: { ...SECURITY_HEADERS, ...cors }, body: '' };
      let status: number;
      let body: unknown;
      let userId: string | undefined;
      let routeName: string | undefined;
      let file: string | undefined;
      const headers: Record<string, string> = { ...cors };
      try {
        ({ status, body, userId, route: routeName, file } = await dispatch(event));
      } catch (err) {
        if (err instanceof DomainError) {
          status = ERROR_STATUS[err.code];
          body = { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } satisfies ErrorBody;
          if (err.retryAfterSeconds !== undefined) headers['retry-after'] = String(Math.max(1, Math.ceil(err.retryAfterSeconds)));
          if (status === 405) headers.allow = allowedMethods(event.rawPath);
          // An outage is expected, not a bug: a warning with its cause (no stack), which the 5xx alarm counts anyway.
          if (err.code === 'UNAVAILABLE') logger.warn('dependency unavailable', { cause: causeOf(err.cause) });
        } else {
          status = 500;
          body = { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' } satisfies ErrorBody;
          logger.error('unhandled error', {
            error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
          });
        }
      }
      // Never log bodies: letters and reports carry personal data.
      logger.info('request', {
        method,
        path: event.rawPath,
        route: routeName,
        status,
        ms: Date.now() - started,
        userId,
        requestId: event.requestContext.requestId,
      });
      if (file) return fileResult(body as { filename: string; contentType: string; base64: string }, file, headers);
      return json(status, body, headers);
    },
  };
}

function causeOf(cause: unknown) {
  if (!(cause instanceof Error)) return cause === undefined ? undefined : String(cause);
  return { name: cause.name, message: cause.message, code: (cause as { code?: unknown }).code };
}

export type Router = ReturnType<typeof createRouter>;
