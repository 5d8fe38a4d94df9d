import { AccessTokenError } from './access-token';

interface StableTokenReply {
  access_token?: string;
  expires_in?: number;
  errcode?: number;
  errmsg?: string;
}

export interface StableTokenOptions {
  /** https://api.weixin.qq.com in production; a fake on loopback in tests. */
  apiBase: string;
  appId: string;
  appSecret: () => Promise<string>;
  timeoutMs?: number;
}

/**
 * `POST /cgi-bin/stable_token` in its normal mode: while a token is valid WeChat answers the same one (with
 * its remaining lifetime), and in its last 5 minutes a successor while the old one stays valid. So calls from
 * any number of functions never invalidate each other's token, unlike `/cgi-bin/token`. The force-refresh
 * mode (which does invalidate, 20 a day) is deliberately never used.
 */
export function stableTokenFetcher(opts: StableTokenOptions) {
  return async (): Promise<{ token: string; expiresInSeconds: number }> => {
    let reply: StableTokenReply;
    try {
      const res = await fetch(new URL('/cgi-bin/stable_token', opts.apiBase), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credential', appid: opts.appId, secret: await opts.appSecret() }),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      reply = (await res.json()) as StableTokenReply;
    } catch (err) {
      throw new AccessTokenError(`stable_token request failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (reply.errcode || !reply.access_token) throw new AccessTokenError(`stable_token refused: ${reply.errcode ?? 'no token'}`);
    return { token: reply.access_token, expiresInSeconds: Math.max(0, reply.expires_in ?? 7200) };
  };
}
