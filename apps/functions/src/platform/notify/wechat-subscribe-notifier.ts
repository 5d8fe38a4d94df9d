import type { Clock } from '../kernel/clock';
import type { AccessTokens } from '../wechat/access-token';
import type { Notification, Notifier } from './notifier';
import type { OpenidDirectory } from './openid-directory';

export interface WechatSubscribeOptions {
  /** https://api.weixin.qq.com in production; a fake on loopback in tests. */
  apiBase: string;
  /** The mini-program's access_token, shared by every function (SharedAccessTokens). */
  accessTokens: AccessTokens;
  /** The subscribe-message template chosen in the mini-program admin console. */
  templateId: string;
  openids: OpenidDirectory;
  clock: Clock;
  timeoutMs?: number;
  /** How many sends are in flight at once. */
  concurrency?: number;
  /** Which build a tap opens; WeChat defaults to the released one (formal). */
  miniprogramState?: 'developer' | 'trial' | 'formal';
  /** Maps a message onto the template's keywords; see defaultTemplateData. */
  templateData?: (m: Notification, now: Date) => Record<string, string>;
}

/** What a send did. Failures are counted by reason (a WeChat errcode, or no_openid, token, network, no_template). */
export interface SubscribeSendReport {
  sent: number;
  failed: number;
  errors: Record<string, number>;
}

/** A `thing` keyword holds at most 20 characters. */
export function clipThing(text: string, max = 20): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** `time` keywords take 24-hour time with an optional date, e.g. 2026年11月27日 20:00 (Asia/Shanghai). */
export function wechatTime(instant: Date): string {
  const s = new Date(instant.getTime() + 8 * 3_600_000);
  const hhmm = s.toISOString().slice(11, 16);
  return `${s.getUTCFullYear()}年${s.getUTCMonth() + 1}月${s.getUTCDate()}日 ${hhmm}`;
}

/**
 * The reminder template is expected to have 提醒事项 thing1, 提醒时间 time2 and 备注 thing3. A different
 * template needs its own mapping (the `templateData` option).
 */
export function defaultTemplateData(m: Notification, now: Date): Record<string, string> {
  return { thing1: clipThing(m.title), time2: wechatTime(now), thing3: clipThing(m.body) };
}

/** errcodes meaning the access_token is stale or invalid: take its successor and retry once. */
const STALE_TOKEN = new Set([40001, 40014, 42001]);

interface Reply {
  errcode?: number;
  errmsg?: string;
}

/**
 * WeChat subscribe messages (订阅消息), with the access_token every function shares (see
 * platform/wechat/shared-access-tokens.ts). A message WeChat refuses (43101: the user has not subscribed or
 * has unsubscribed; 47003: bad template data; …) is counted, never thrown, so one refusal cannot stop the others.
 */
export class WechatSubscribeNotifier implements Notifier {
  constructor(private readonly opts: WechatSubscribeOptions) {}

  async send(messages: Notification[]): Promise<SubscribeSendReport> {
    const report: SubscribeSendReport = { sent: 0, failed: 0, errors: {} };
    const fail = (reason: string, n = 1) => {
      report.failed += n;
      report.errors[reason] = (report.errors[reason] ?? 0) + n;
    };
    if (messages.length === 0) return report;
    // A message names its kind's template; the notifier's own template is the fallback.
    const missing = messages.filter((m) => !(m.templateId || this.opts.templateId));
    if (missing.length) fail('no_template', missing.length);
    const sendable = messages.filter((m) => m.templateId || this.opts.templateId);
    if (sendable.length === 0) return report;
    const openids = await this.opts.openids.openidsOf(sendable.map((m) => m.recipientUserId));
    let token: string;
    try {
      token = await this.opts.accessTokens.get();
    } catch {
      fail('token', sendable.length);
      return report;
    }
    const queue = [...sendable];
    const worker = async () => {
      for (let m = queue.shift(); m; m = queue.shift()) {
        const openid = openids.get(m.recipientUserId);
        if (!openid) {
          fail('no_openid');
          continue;
        }
        let outcome: number | string;
        try {
          const used = token;
          outcome = await this.deliver(m, openid, used);
          if (STALE_TOKEN.has(outcome)) {
            // Workers share the token: the first to meet a refused one takes its successor for all.
            const next = await this.opts.accessTokens.replace(used).catch(() => undefined);
            if (!next) outcome = 'token';
            else if (next !== used) {
              token = next;
              outcome = await this.deliver(m, openid, next);
            }
          }
        } catch {
          outcome = 'network';
        }
        if (outcome === 0) report.sent++;
        else fail(String(outcome));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.opts.concurrency ?? 4, sendable.length) }, worker));
    return report;
  }

  /** 0 when WeChat accepted the message, otherwise its errcode. Network failures throw. */
  private async deliver(m: Notification, openid: string, token: string): Promise<number> {
    const url = new URL('/cgi-bin/message/subscribe/send', this.opts.apiBase);
    url.searchParams.set('access_token', token);
    const data = m.data ?? (this.opts.templateData ?? defaultTemplateData)(m, this.opts.clock.now());
    const body = {
      touser: openid,
      template_id: m.templateId || this.opts.templateId,
      ...(m.page ? { page: m.page } : {}),
      ...(this.opts.miniprogramState ? { miniprogram_state: this.opts.miniprogramState } : {}),
      lang: 'zh_CN',
      data: Object.fromEntries(Object.entries(data).map(([k, value]) => [k, { value }])),
    };
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const reply = (await res.json()) as Reply;
    return reply.errcode ?? 0;
  }
}
