import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Router } from '../platform/http/router';
import { SECURITY_HEADERS } from '../platform/http/security-headers';

/** Past this the body is cut off; the app refuses anything over 64 KB anyway. */
const READ_LIMIT = 256 * 1024;

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= READ_LIMIT) chunks.push(chunk as Buffer);
  }
  return chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined;
}

/**
 * The request target's path and query string, as sent. Split by hand: `new URL` would read `//x/y` as host x
 * and throw on `//%ZZ`, and a malformed path is the router's to refuse (400), not a crash here.
 */
function splitTarget(target: string): { path: string; query: string } {
  let rest = target;
  if (/^https?:\/\//i.test(rest)) rest = rest.replace(/^https?:\/\/[^/?]*/i, '') || '/';
  const q = rest.indexOf('?');
  return q < 0 ? { path: rest, query: '' } : { path: rest.slice(0, q), query: rest.slice(q + 1) };
}

/** Turns a node:http request into the API Gateway v2 event that Lambda would receive. */
export function toApiGatewayEvent(req: IncomingMessage, body: string | undefined): APIGatewayProxyEventV2 {
  const target = splitTarget(req.url ?? '/');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  const query: Record<string, string> = {};
  new URLSearchParams(target.query).forEach((v, k) => {
    query[k] = query[k] === undefined ? v : `${query[k]},${v}`;
  });
  const now = new Date();
  const method = (req.method ?? 'GET').toUpperCase();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: target.path,
    rawQueryString: target.query,
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method,
        path: target.path,
        protocol: 'HTTP/1.1',
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    body,
    isBase64Encoded: false,
  };
}

/** A plain node:http handler for every path under `prefix`, tried before the API app (the local photo storage). */
export interface RawRoute {
  prefix: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export async function startHttpServer(
  app: Router,
  port: number,
  host = '127.0.0.1',
  rawRoutes: readonly RawRoute[] = [],
): Promise<{ server: Server; url: string; stop(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    try {
      const pathname = (req.url ?? '/').split('?')[0];
      const raw = rawRoutes.find((r) => pathname.startsWith(r.prefix));
      if (raw) return await raw.handle(req, res);
      const body = await readBody(req);
      const out = await app.handle(toApiGatewayEvent(req, body));
      res.writeHead(out.statusCode ?? 200, (out.headers ?? {}) as Record<string, string>);
      res.end(out.isBase64Encoded ? Buffer.from(out.body ?? '', 'base64') : (out.body ?? ''));
    } catch (err) {
      if (res.headersSent) res.destroy();
      else {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS });
        res.end(JSON.stringify({ code: 'INTERNAL', message: '服务器开小差了，请稍后再试' }));
      }
      console.error(err);
    }
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as { port: number }).port;
  return {
    server,
    url: `http://${host}:${actual}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
