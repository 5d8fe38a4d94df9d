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
 * WeChat's keyword rules (订阅消息参数值内容限制), written here on their own rather than imported from the
 * API, so a test fails when the API's checks and WeChat's disagree.
 */
const HAN = /\p{Script=Han}/u;
const CLOCK = '([01]?\\d|2[0-3]):[0-5]\\d';
const DAY = '(\\d{4}年\\d{1,2}月\\d{1,2}日|\\d{4}-\\d{2}-\\d{2})';
const RULES: Record<string, (v: string) => boolean> = {
  thing: (v) => Array.from(v).length <= 20,
  number: (v) => /^\d+(\.\d+)?$/.test(v) && v.length <= 32,
  letter: (v) => /^[A-Za-z]{1,32}$/.test(v),
  symbol: (v) => /^[^\p{L}\p{N}\s]{1,5}$/u.test(v),
  character_string: (v) => /^[!-~]{1,32}$/.test(v),
  time: (v) => new RegExp(`^(${DAY}\\s?)?${CLOCK}(~(${DAY}\\s?)?${CLOCK})?$`).test(v),
  date: (v) => new RegExp(`^${DAY}(\\s?${CLOCK})?(~${DAY}(\\s?${CLOCK})?)?$`).test(v),
  phrase: (v) => /^\p{Script=Han}{1,5}$/u.test(v),
  name: (v) => (HAN.test(v) ? Array.from(v).length <= 10 : v.length <= 20),
  phone_number: (v) => /^[\d+\-()]{1,17}$/.test(v),
  amount: (v) => /^[¥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(v),
  car_number: (v) => Array.from(v).length <= 8,
};

/** The keyword WeChat would name in errmsg, or undefined when the data is acceptable. */
function badField(data: Record<string, { value: string }> | undefined, keys?: readonly string[]): string | undefined {
  if (!data || typeof data !== 'object') return 'data';
  if (keys) for (const k of keys) if (!(k in data)) return k;
  for (const [key, field] of Object.entries(data)) {
    const type = /^([a-z_]+?)\d+$/.exec(key)?.[1];
    const value = field?.value;
    if (!type || !RULES[type] || (keys && !keys.includes(key))) return key;
    if (typeof value !== 'string' || value.length === 0 || !RULES[type](value)) return key;
  }
  return undefined;
}

/**
 * A stand-in for api.weixin.qq.com's access_token and subscribe-message endpoints on loopback, answering JSON
 * as text/plain like WeChat, and keeping WeChat's rules:
 * - tokens are `tok-1`, `tok-2`, …; `revokeTokens()` makes the issued ones stale (42001);
 * - with `templates` (template id → its keywords) an unknown template is 40037 and data that lacks a
 *   keyword or has another is 47003; any keyword's value must meet its type's rule (47003, naming it);
 * - a message needs the user's consent to its template: `grant(openid, template, n)` is n one-time
 *   consents, each used by one message; `grantLongTerm` a long-term subscription. Without one: 43101.
 *   `refuse(openid)` is a user who turned every subscription off.
 */
export async function startFakeWechatSubscribe(opts: {
  appId: string;
  appSecret: string;
  expiresIn?: number;
  tokenDelayMs?: number;
  templates?: Record<string, readonly string[]>;
}) {
  let issued = 0;
  const valid = new Set<string>();
  const refused = new Set<string>();
  const consents = new Map<string, number>();
  const longTerm = new Set<string>();
  const tokenRequests: URLSearchParams[] = [];
  const sent: SentSubscribeMessage[] = [];
  const rejected: (SentSubscribeMessage & { errcode: number })[] = [];
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
        const refuse = (errcode: number, errmsg: string) => {
          rejected.push({ ...message, errcode });
          reply({ errcode, errmsg });
        };
        if (!valid.has(accessToken)) return refuse(42001, 'access_token expired');
        const { touser, template_id: templateId, data } = message.body;
        if (!touser) return refuse(40003, 'invalid openid');
        const keys = opts.templates?.[templateId];
        if (!templateId || (opts.templates && !keys)) return refuse(40037, 'invalid template id');
        const bad = badField(data, keys);
        if (bad) return refuse(47003, `argument invalid! data.${bad}.value invalid`);
        const grant = `${touser}|${templateId}`;
        if (refused.has(touser)) return refuse(43101, 'user refuse to accept the msg');
        if (!longTerm.has(grant)) {
          const left = consents.get(grant) ?? 0;
          if (left <= 0) return refuse(43101, 'user refuse to accept the msg');
          consents.set(grant, left - 1);
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
    /** The user tapped 允许 on the template `n` times (one-time subscription). */
    grant: (openid: string, templateId: string, n = 1) =>
      consents.set(`${openid}|${templateId}`, (consents.get(`${openid}|${templateId}`) ?? 0) + n),
    grantLongTerm: (openid: string, templateId: string) => longTerm.add(`${openid}|${templateId}`),
    /** One-time consents WeChat still holds for the user and template. */
    consentsLeft: (openid: string, templateId: string) => consents.get(`${openid}|${templateId}`) ?? 0,
    refuse: (openid: string) => refused.add(openid),
    revokeTokens: () => valid.clear(),
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
