import { NOTICE_KIND_LABELS, NOTICE_KINDS, type RecordConsentBody, type Subscriptions } from '@chuangxing/shared';
import { DomainError } from '../../platform/kernel/domain-error';
import type { Principal } from '../../platform/kernel/principal';
import { CONSENT_CAP, type ConsentChange } from '../../platform/notify/consent-store';
import type { InboxPorts } from './inbox.ports';

/** Every kind with its template here (if any) and what the caller has left of their consent. */
export async function listSubscriptions(deps: InboxPorts, principal: Principal): Promise<Subscriptions> {
  const consents = new Map((await deps.consents.list(principal.user.id)).map((c) => [c.kind, c]));
  return {
    subscriptions: NOTICE_KINDS.map((kind) => {
      const setting = deps.subscribe.of(kind);
      const c = consents.get(kind);
      return {
        kind,
        label: NOTICE_KIND_LABELS[kind],
        ...(setting ? { templateId: setting.templateId } : {}),
        mode: deps.subscribe.modeOf(kind),
        remaining: c?.remaining ?? 0,
        active: c?.active ?? false,
      };
    }),
  };
}

/**
 * The app reports what wx.requestSubscribeMessage answered. A one-time template's accept allows one more
 * message of its kind (banked up to a cap); a long-term template's accept turns its kind on, a reject off.
 * ban (the template is blocked) and filter (a duplicate title) change nothing. Template ids this environment
 * does not have are refused before anything is written.
 */
export async function recordConsent(deps: InboxPorts, principal: Principal, body: RecordConsentBody): Promise<Subscriptions> {
  const userId = principal.user.id;
  const errors: { path: string; code: string; message: string }[] = [];
  const answers = Object.entries(body.answers).map(([templateId, answer]) => {
    const setting = deps.subscribe.byTemplate(templateId);
    if (!setting) errors.push({ path: `body.answers.${templateId}`, code: 'unknown_template', message: '没有这个订阅消息模板' });
    return { setting, answer };
  });
  if (errors.length) throw new DomainError('VALIDATION_FAILED', '提交的内容有误', errors);
  const held = new Map((await deps.consents.list(userId)).map((c) => [c.kind, c.remaining]));
  const changes: ConsentChange[] = [];
  for (const { setting, answer } of answers) {
    if (!setting) continue;
    if (setting.mode === 'once') {
      if (answer === 'accept' && (held.get(setting.kind) ?? 0) < CONSENT_CAP) changes.push({ kind: setting.kind, change: 'grant_once' });
    } else if (answer === 'accept' || answer === 'reject') {
      changes.push({ kind: setting.kind, change: answer === 'accept' ? 'long_term_on' : 'long_term_off' });
    }
  }
  await deps.consents.record(userId, body.key, changes, deps.clock.now().toISOString());
  return listSubscriptions(deps, principal);
}
