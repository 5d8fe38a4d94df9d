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

export interface StableTokenRequest {
  grant_type?: string;
  appid?: string;
  secret?: string;
  force_refresh?: boolean;
}

/** WeChat hands out the successor in a token's last 5 minutes; both stay valid until the old one expires. */
const HANDOVER_MS = 5 * 60_000;
const FORCE_INTERVAL_MS = 30_000;
const FORCE_PER_DAY = 20;

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
 * as text/plain like WeChat, with WeChat's documented semantics:
 * - `POST /cgi-bin/stable_token` (JSON body). Normal mode answers the current token with its remaining
 *   lifetime; in its last 5 minutes (or once expired) it issues a successor, the old one staying valid until
 *   it expires. `force_refresh: true` invalidates the current token at once and issues a new one, at most 20
 *   a day and 30 s apart (sooner answers the current token unchanged).
 * - `GET /cgi-bin/token`: the older credential, isolated from the stable one; each call invalidates the
 *   previous one. Recorded in `legacyTokenRequests` so tests can show it is never used.
 * Tokens are `tok-1`, `tok-2`, … (`legacy-1`, … for the old path). A token WeChat no longer knows gets
 * 40001 on send, an expired one 42001. `forceRefresh()` is someone else force-refreshing (a leaked token
 * rotated from WeChat's console).
 * - With `templates` (template id → its keywords) an unknown template is 40037 and data that lacks a
 *   keyword or has another is 47003; any keyword's value must meet its type's rule (47003, naming it).
 * - A message needs the user's consent to its template: `grant(openid, template, n)` is n one-time
 *   consents, each used by one message; `grantLongTerm` a long-term subscription. Without one: 43101.
 *   `refuse(openid)` is a user who turned every subscription off.
 */
export async function startFakeWechatSubscribe(opts: {
  appId: string;
  appSecret: string;
  expiresIn?: number;
  tokenDelayMs?: number;
  /** WeChat's clock (epoch ms); the real one by default. */
  now?: () => number;
  templates?: Record<string, readonly string[]>;
}) {
  const now = opts.now ?? Date.now;
  const lifetimeMs = (opts.expiresIn ?? 7200) * 1000;
  let issued = 0;
  /** Stable tokens WeChat accepts, until when. */
  const valid = new Map<string, number>();
  let current: { token: string; expiresAt: number } | undefined;
  const forced: number[] = [];
  let legacy: string | undefined;
  let legacyIssued = 0;
  const refused = new Set<string>();
  const tokenRequests: StableTokenRequest[] = [];
  const legacyTokenRequests: URLSearchParams[] = [];
  const sent: SentSubscribeMessage[] = [];
  const rejected: (SentSubscribeMessage & { errcode: number })[] = [];
  const consents = new Map<string, number>();
  const longTerm = new Set<string>();

  const issue = () => {
    current = { token: `tok-${++issued}`, expiresAt: now() + lifetimeMs };
    valid.set(current.token, current.expiresAt);
    return current;
  };
  const force = () => {
    if (current) valid.delete(current.token);
    forced.push(now());
    return issue();
  };
  /** Normal mode: the current token while it has more than 5 minutes; else a successor. */
  const stable = () => (current && current.expiresAt - now() > HANDOVER_MS ? current : issue());

  const readBody = (req: import('node:http').IncomingMessage) =>
    new Promise<string>((ok) => {
      let raw = '';
      req.on('data', (d) => (raw += d));
      req.on('end', () => ok(raw));
    });

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://wx');
    res.setHeader('content-type', 'text/plain');
    const reply = (o: unknown) => res.end(JSON.stringify(o));
    if (url.pathname === '/cgi-bin/stable_token') {
      if (req.method !== 'POST') return reply({ errcode: 43002, errmsg: 'require POST method' });
      let body: StableTokenRequest;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        return reply({ errcode: 47001, errmsg: 'data format error' });
      }
      tokenRequests.push(body);
      if (body.grant_type !== 'client_credential') return reply({ errcode: 40002, errmsg: 'invalid grant_type' });
      if (!body.appid) return reply({ errcode: 41002, errmsg: 'appid missing' });
      if (!body.secret) return reply({ errcode: 41004, errmsg: 'appsecret missing' });
      if (body.appid !== opts.appId) return reply({ errcode: 40013, errmsg: 'invalid appid' });
      if (body.secret !== opts.appSecret) return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
      let token: { token: string; expiresAt: number };
      if (body.force_refresh === true) {
        const today = forced.filter((t) => now() - t < 86_400_000);
        if (today.length >= FORCE_PER_DAY) return reply({ errcode: 45009, errmsg: 'reach max api daily quota limit' });
        const last = forced.at(-1);
        token = current && last !== undefined && now() - last < FORCE_INTERVAL_MS ? current : force();
      } else token = stable();
      const answer = { access_token: token.token, expires_in: Math.floor((token.expiresAt - now()) / 1000) };
      return void setTimeout(() => reply(answer), opts.tokenDelayMs ?? 0);
    }
    if (req.method === 'GET' && url.pathname === '/cgi-bin/token') {
      legacyTokenRequests.push(url.searchParams);
      if (url.searchParams.get('secret') !== opts.appSecret) return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
      if (legacy) valid.delete(legacy);
      legacy = `legacy-${++legacyIssued}`;
      valid.set(legacy, now() + lifetimeMs);
      return reply({ access_token: legacy, expires_in: lifetimeMs / 1000 });
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
      const raw = await readBody(req);
      const accessToken = url.searchParams.get('access_token') ?? '';
      const message: SentSubscribeMessage = { accessToken, body: JSON.parse(raw) };
      const refuse = (errcode: number, errmsg: string) => {
        rejected.push({ ...message, errcode });
        reply({ errcode, errmsg });
      };
      const until = valid.get(accessToken);
      if (until === undefined) return refuse(40001, 'invalid credential, access_token is invalid or not latest');
      if (now() >= until) return refuse(42001, 'access_token expired');
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
      return reply({ errcode: 0, errmsg: 'ok', msgid: 1000 + sent.length });
    }
    res.writeHead(404).end('{}');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    /** Our calls to stable_token, their JSON bodies. */
    tokenRequests,
    legacyTokenRequests,
    sent,
    rejected,
    /** How many force refreshes happened (ours or `forceRefresh()`'s). */
    get forceRefreshes() {
      return forced.length;
    },
    /** The user tapped 允许 on the template `n` times (one-time subscription). */
    grant: (openid: string, templateId: string, n = 1) =>
      consents.set(`${openid}|${templateId}`, (consents.get(`${openid}|${templateId}`) ?? 0) + n),
    grantLongTerm: (openid: string, templateId: string) => longTerm.add(`${openid}|${templateId}`),
    /** One-time consents WeChat still holds for the user and template. */
    consentsLeft: (openid: string, templateId: string) => consents.get(`${openid}|${templateId}`) ?? 0,
    refuse: (openid: string) => refused.add(openid),
    forceRefresh: () => force().token,
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
