import { DomainError } from '../kernel/domain-error';
import type { WechatClient } from './wechat-client';

interface Code2SessionReply {
  openid?: string;
  unionid?: string;
  session_key?: string;
  errcode?: number;
  errmsg?: string;
}

/**
 * code2session answers in well under a second; past this the caller gets 502 at once instead of holding the
 * function (and the user) for the fetch's own minutes. Part of the login's share of the API budget.
 */
export const WECHAT_TIMEOUT_MS = 2_500;

/**
 * WeChat's jscode2session over HTTP. The base URL is configurable so tests point it at a fake on loopback.
 * session_key is dropped here: nothing in this product needs it, so it never leaves this function.
 */
export class HttpWechatClient implements WechatClient {
  constructor(private readonly opts: { apiBase: string; appId: string; appSecret: () => Promise<string>; timeoutMs?: number }) {}

  async codeToSession(code: string) {
    const url = new URL('/sns/jscode2session', this.opts.apiBase);
    url.searchParams.set('appid', this.opts.appId);
    url.searchParams.set('secret', await this.opts.appSecret());
    url.searchParams.set('js_code', code);
    url.searchParams.set('grant_type', 'authorization_code');
    let reply: Code2SessionReply;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(this.opts.timeoutMs ?? WECHAT_TIMEOUT_MS) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      reply = (await res.json()) as Code2SessionReply;
    } catch {
      throw new DomainError('UPSTREAM_UNAVAILABLE', '微信登录服务暂时不可用，请稍后再试');
    }
    if (reply.errcode || !reply.openid) {
      // 40029 invalid code, 40163 code already used, 45011 rate limited: all mean "log in again".
      throw new DomainError('WECHAT_LOGIN_FAILED', '微信登录失败，请重新进入小程序');
    }
    return { openid: reply.openid, ...(reply.unionid ? { unionid: reply.unionid } : {}) };
  }
}
