import type { NoticeKind, RecordConsentBody, Subscription } from '@chuangxing/shared';
import Taro from '@tarojs/taro';
import { reminderTemplateId } from '../config/runtime-config';
import { api } from './api';
import { sessionStore } from './session-store';

/**
 * WeChat subscribe-message consent (订阅消息), behind one adapter:
 * - weapp: `wx.requestSubscribeMessage`, which WeChat shows only when called straight from a tap, so the
 *   templates must already be known then: pages where consent is asked call `prefetchConsent()` when they load
 *   and `askConsent(kinds)` first thing in the tap handler, without awaiting anything before it;
 * - H5 (no WeChat): a stand-in prompt (`ConsentSheet`) with the same question, answered in the page.
 * Either way the answer goes to the server, which counts each user's remaining consents per kind.
 */

type Answer = RecordConsentBody['answers'][string];
export interface PendingConsent {
  labels: string[];
  answer(accept: boolean): void;
}

/** WeChat takes at most 3 templates per request (5 on newer clients). */
const MAX_TEMPLATES = 3;
const ignore = () => undefined;

let subscriptions: Subscription[] | undefined;
let loading: Promise<void> | undefined;
let pending: PendingConsent | undefined;
const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};

// Consents belong to the user: another login (or 退出登录) starts from nothing.
let userToken = sessionStore.token();
sessionStore.subscribe(() => {
  const token = sessionStore.token();
  if (token === userToken) return;
  userToken = token;
  resetConsent();
});

/** Loads the templates and the caller's consents once, so a later tap can ask without waiting. */
export function prefetchConsent(): Promise<void> {
  if (subscriptions || !sessionStore.token()) return Promise.resolve();
  loading ??= api
    .listSubscriptions({})
    .then((res) => {
      if (res.status === 200) subscriptions = res.body.subscriptions;
    })
    .catch(ignore)
    .finally(() => {
      loading = undefined;
    });
  return loading;
}

/** What the server knows now (after prefetch or an answer); undefined before. */
export function knownSubscriptions(): readonly Subscription[] | undefined {
  return subscriptions;
}

/** Forget the cached consents (another user logged in). */
export function resetConsent(): void {
  subscriptions = undefined;
  pending = undefined;
  notify();
}

function clientKey(): string {
  return `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

async function record(answers: Record<string, Answer>): Promise<void> {
  if (!Object.keys(answers).length) return;
  const res = await api.recordConsent({ body: { key: clientKey(), answers } }).catch(() => undefined);
  if (res?.status === 200) {
    subscriptions = res.body.subscriptions;
    notify();
  }
}

/** The templates to ask for: of one mode only (WeChat never mixes one-time and long-term), at most three. */
function templatesFor(kinds: readonly NoticeKind[]): { id: string; label: string; sub?: Subscription }[] {
  const subs = kinds.flatMap((k) => subscriptions?.find((s) => s.kind === k && s.templateId) ?? []);
  const mode = subs[0]?.mode;
  const chosen = subs.filter((s) => s.mode === mode).slice(0, MAX_TEMPLATES);
  if (chosen.length) return chosen.map((s) => ({ id: s.templateId as string, label: s.label, sub: s }));
  // A weapp build may carry the daily reminder's template itself (CX_REMINDER_TEMPLATE_ID).
  const built = kinds.includes('daily_reminder') ? reminderTemplateId() : '';
  return built ? [{ id: built, label: '日报提醒' }] : [];
}

/**
 * Asks for consent to the kinds' templates. Call it first thing in a tap handler and do not wait for it: the
 * tap's own work goes ahead whatever the answer. In H5 the prompt is asked only while no consent is left.
 */
export function askConsent(kinds: readonly NoticeKind[]): Promise<void> {
  const templates = templatesFor(kinds);
  if (!templates.length) return Promise.resolve();
  if (process.env.TARO_ENV === 'weapp') {
    let asked: Promise<Record<string, string>>;
    try {
      // Taro's Option type wants alipay's entityIds too; weapp takes tmplIds alone.
      asked = Taro.requestSubscribeMessage({ tmplIds: templates.map((t) => t.id) } as Taro.requestSubscribeMessage.Option) as Promise<
        Record<string, string>
      >;
    } catch {
      return Promise.resolve(); // an old client without the API
    }
    return asked
      .then((res) => record(Object.fromEntries(templates.flatMap((t) => (isAnswer(res[t.id]) ? [[t.id, res[t.id] as Answer]] : [])))))
      .catch(ignore);
  }
  const needed = templates.filter((t) => t.sub && (t.sub.mode === 'once' ? t.sub.remaining === 0 : !t.sub.active));
  if (!needed.length || pending) return Promise.resolve();
  return new Promise<void>((done) => {
    pending = {
      labels: needed.map((t) => t.label),
      answer: (accept) => {
        pending = undefined;
        notify();
        void record(Object.fromEntries(needed.map((t) => [t.id, accept ? 'accept' : 'reject']))).finally(done);
      },
    };
    notify();
  });
}

const isAnswer = (v: unknown): v is Answer => v === 'accept' || v === 'reject' || v === 'ban' || v === 'filter';

/** The H5 stand-in prompt waiting for an answer, if any. */
export function pendingConsent(): PendingConsent | undefined {
  return pending;
}

export function subscribeConsent(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
