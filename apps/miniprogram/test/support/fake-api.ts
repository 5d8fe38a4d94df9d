import { taroMock } from '../mocks/taro';

export interface SentRequest {
  method: string;
  path: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface Reply {
  status: number;
  body?: unknown;
}

type Handler = Reply | ((req: SentRequest, callIndex: number) => Reply | Promise<Reply>);

/**
 * Programs Taro.request as the API: routes keyed "METHOD /path" answer with {status, body};
 * a list of replies answers successive calls in turn (the last one repeats).
 * Replies go out as JSON text, as the server sends them. Unknown routes get the server's 404.
 */
export function fakeApi(routes: Record<string, Handler | Handler[]>) {
  const sent: SentRequest[] = [];
  const counts = new Map<string, number>();
  taroMock.request.mockImplementation(async (options: { url: string; method: string; header: Record<string, string>; data?: string }) => {
    const url = new URL(options.url);
    const req: SentRequest = {
      method: options.method,
      path: url.pathname,
      url: options.url,
      headers: options.header,
      body: options.data === undefined ? undefined : JSON.parse(options.data),
    };
    sent.push(req);
    const key = `${req.method} ${req.path}`;
    const n = counts.get(key) ?? 0;
    counts.set(key, n + 1);
    const entry = routes[key];
    const handler = Array.isArray(entry) ? entry[Math.min(n, entry.length - 1)] : entry;
    const reply: Reply = !handler
      ? { status: 404, body: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } }
      : typeof handler === 'function'
        ? await handler(req, n)
        : handler;
    return {
      statusCode: reply.status,
      data: reply.body === undefined ? '' : JSON.stringify(reply.body),
      header: { 'content-type': 'application/json' },
      errMsg: 'request:ok',
    };
  });
  return {
    sent,
    calls: (key: string) => sent.filter((r) => `${r.method} ${r.path}` === key),
  };
}

export function errorReply(status: number, code: string, message: string): Reply {
  return { status, body: { code, message } };
}
