import { createServer } from 'node:http';

export interface SentSubscribeMessage {
  accessToken: string;
  body: {
    touser: string;
    template_id: string;
    page?: string;
    lang?: string;
    miniprogram_state?: string;
    data: Record<string, { value: string }>;
  };
}

/**
 * A stand-in for api.weixin.qq.com's access_token and subscribe-message endpoints on loopback, answering
 * JSON as text/plain like WeChat. Tokens are `tok-1`, `tok-2`, …; `revokeTokens()` makes the issued ones
 * stale (42001), `refuse(openid)` makes sends to that user fail with 43101.
 */
export async function startFakeWechatSubscribe(opts: { appId: string; appSecret: string; expiresIn?: number; tokenDelayMs?: number }) {
  let issued = 0;
  const valid = new Set<string>();
  const refused = new Set<string>();
  const tokenRequests: URLSearchParams[] = [];
  const sent: SentSubscribeMessage[] = [];
  const rejected: SentSubscribeMessage[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://wx');
    res.setHeader('content-type', 'text/plain');
    const reply = (o: unknown) => res.end(JSON.stringify(o));
    if (req.method === 'GET' && url.pathname === '/cgi-bin/token') {
      const q = url.searchParams;
      tokenRequests.push(q);
      if (q.get('grant_type') !== 'client_credential') return reply({ errcode: 40002, errmsg: 'invalid grant_type' });
      if (q.get('appid') !== opts.appId || q.get('secret') !== opts.appSecret)
        return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
      const token = `tok-${++issued}`;
      valid.add(token);
      return void setTimeout(() => reply({ access_token: token, expires_in: opts.expiresIn ?? 7200 }), opts.tokenDelayMs ?? 0);
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
      let raw = '';
      req.on('data', (d) => (raw += d));
      req.on('end', () => {
        const accessToken = url.searchParams.get('access_token') ?? '';
        const message: SentSubscribeMessage = { accessToken, body: JSON.parse(raw) };
        if (!valid.has(accessToken)) {
          rejected.push(message);
          return reply({ errcode: 42001, errmsg: 'access_token expired' });
        }
        if (!message.body.touser) return reply({ errcode: 40003, errmsg: 'invalid openid' });
        if (refused.has(message.body.touser)) {
          rejected.push(message);
          return reply({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
        }
        sent.push(message);
        reply({ errcode: 0, errmsg: 'ok', msgid: 1000 + sent.length });
      });
      return;
    }
    res.writeHead(404).end('{}');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    tokenRequests,
    sent,
    rejected,
    refuse: (openid: string) => refused.add(openid),
    revokeTokens: () => valid.clear(),
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
