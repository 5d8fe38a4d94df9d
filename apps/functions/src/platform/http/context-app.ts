import { type ErrorBody, type RouteDef, type RouteName, routes } from '@chuangxing/shared';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { loadPrincipal } from '../../features/identity/load-principal';
import type { Deps } from '../kernel/deps';
import { DomainError, forbiddenRole } from '../kernel/domain-error';
import { isAllowed, type Principal } from '../kernel/principal';
import { corsHeaders } from './cors';
import { ERROR_STATUS } from './error-status';
import type { RouteContext, RouteImplementations } from './route-context';
import { parsePart } from './validation';

export const MAX_BODY_BYTES = 64 * 1024;

export interface Logger {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

export interface ApiAppOptions {
  deps: Deps;
  corsOrigins: readonly string[];
  logger: Logger;
}

export interface ContextAppOptions extends ApiAppOptions {
  /** The routes this app serves (one context's, or all); any other contract route answers 404 NOT_FOUND. */
  implementations: Partial<RouteImplementations>;
}

interface CompiledRoute {
  name: RouteName;
  route: RouteDef;
  pattern: RegExp;
  paramNames: string[];
}

function compile(): CompiledRoute[] {
  return (Object.entries(routes) as [RouteName, RouteDef][]).map(([name, route]) => {
    const paramNames: string[] = [];
    const source = route.path
      .split('/')
      .map((seg) => {
        const param = /^\{(\w+)\}$/.exec(seg);
        if (!param) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        paramNames.push(param[1]);
        return '([^/]+)';
      })
      .join('/');
    return { name, route, pattern: new RegExp(`^${source}$`), paramNames };
  });
}

const compiled = compile();

export function matchRoute(method: string, path: string) {
  let pathMatched = false;
  for (const c of compiled) {
    const m = c.pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (c.route.method !== method) continue;
    const params: Record<string, string> = {};
    c.paramNames.forEach((p, i) => (params[p] = decodeURIComponent(m[i + 1])));
    return { compiled: c, params };
  }
  throw pathMatched ? new DomainError('METHOD_NOT_ALLOWED', '不支持该请求方法') : new DomainError('ROUTE_NOT_FOUND', '接口不存在');
}

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

function bearerOf(event: APIGatewayProxyEventV2): string | undefined {
  const h = event.headers?.authorization ?? event.headers?.Authorization;
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1];
}

function json(status: number, body: unknown, headers: Record<string, string>): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

/** Bytes, not JSON: API Gateway decodes a base64 body when isBase64Encoded is set. */
function fileResult(
  file: { filename: string; contentType: string; base64: string },
  headers: Record<string, string>,
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 200,
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'cache-control': 'no-store',
      ...headers,
    },
    body: file.base64,
    isBase64Encoded: true,
  };
}

/**
 * The API behind every transport: a context's Lambda function (handlers/*-api.handler.ts), and with all
 * contexts (./api-app.ts) the local node:http server and the handler tests. Routes are matched against the
 * whole contract, so a contract route served by another context's function is a clean 404 here.
 */
export function createContextApp({ deps, corsOrigins, logger, implementations }: ContextAppOptions) {
  async function dispatch(
    event: APIGatewayProxyEventV2,
  ): Promise<{ status: number; body: unknown; userId?: string; route?: string; file?: boolean }> {
    const method = event.requestContext.http.method.toUpperCase();
    const { compiled: c, params: rawParams } = matchRoute(method, event.rawPath);
    const { route } = c;
    if (route.localOnly && !deps.devLogin) throw new DomainError('ROUTE_NOT_FOUND', '接口不存在');
    const impl = implementations[c.name] as unknown as
      | ((ctx: RouteContext<RouteDef>) => Promise<{ status: number; body: unknown }>)
      | undefined;
    if (!impl) throw new DomainError('NOT_FOUND', '接口不在此服务中');
    let principal: Principal | undefined;
    if (route.access.kind !== 'public') {
      principal = await loadPrincipal(deps, bearerOf(event));
      if (!isAllowed(principal, route.access)) throw forbiddenRole();
    }
    const params = parsePart(route.params, rawParams, 'params');
    const query = parsePart(route.query, { ...(event.queryStringParameters ?? {}) }, 'query');
    const body = route.body ? parsePart(route.body, readBody(event) ?? {}, 'body') : undefined;
    const ctx = {
      params,
      query,
      body,
      principal,
      allowed: route.access.kind === 'public' ? [] : route.access.roles,
      deps,
    } as RouteContext<RouteDef>;
    const res = await impl(ctx);
    return {
      ...res,
      userId: route.unloggedCaller ? undefined : principal?.user.id,
      route: c.name,
      file: route.produces === 'file' && res.status === 200,
    };
  }

  return {
    async handle(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
      const started = Date.now();
      const origin = event.headers?.origin ?? event.headers?.Origin;
      const cors = corsHeaders(origin, corsOrigins);
      const method = event.requestContext.http.method.toUpperCase();
      if (method === 'OPTIONS') return { statusCode: 204, headers: cors, body: '' };
      let status: number;
      let body: unknown;
      let userId: string | undefined;
      let routeName: string | undefined;
      let file = false;
      try {
        ({ status, body, userId, route: routeName, file = false } = await dispatch(event));
      } catch (err) {
        if (err instanceof DomainError) {
          status = ERROR_STATUS[err.code];
          body = { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } satisfies ErrorBody;
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
      if (file) return fileResult(body as { filename: string; contentType: string; base64: string }, cors);
      return json(status, body, cors);
    },
  };
}

export type ApiApp = ReturnType<typeof createContextApp>;
