import type { ConsentStore } from './consent-store';
import { type DispatchReport, type Notice, type PushOutcome, type PushResult, reportOf } from './notice';
import { templateData } from './notice-templates';
import type { Notifier } from './notifier';
import type { SubscribeSettings } from './subscribe-settings';
import { templateDataProblems } from './template-fields';

export interface PushPorts {
  consents: ConsentStore;
  notifier: Notifier;
  subscribe: SubscribeSettings;
  clock: { now(): Date };
}

/** How many notices are pushed at once. */
const CONCURRENCY = 4;

/**
 * Each notice (already in its inbox) goes out as a subscribe message on its kind's template, when the
 * recipient has consent for that kind: a one-time consent is spent first (conditional write) and given back
 * when WeChat does not take the message; a long-term one is only checked. A 43101 from WeChat means the user
 * turned it off, so the stored consent is cleared. Nothing here throws for one notice: each gets an outcome.
 */
export async function pushNotices(ports: PushPorts, notices: readonly Notice[]): Promise<DispatchReport> {
  const results: PushResult[] = [];
  const queue = [...notices];
  const worker = async () => {
    for (let n = queue.shift(); n; n = queue.shift()) {
      let outcome: PushOutcome;
      try {
        outcome = await pushOne(ports, n);
      } catch {
        outcome = 'failed';
      }
      results.push({ noticeId: n.id, recipientUserId: n.recipientUserId, kind: n.kind, outcome });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, notices.length) }, worker));
  const order = new Map(notices.map((n, i) => [n.id, i]));
  return reportOf(results.sort((a, b) => (order.get(a.noticeId) ?? 0) - (order.get(b.noticeId) ?? 0)));
}

async function pushOne(ports: PushPorts, n: Notice): Promise<PushOutcome> {
  const setting = ports.subscribe.of(n.kind);
  if (!setting) return 'no_template';
  const data = templateData(n.kind, n.fields, setting.keywords);
  // Checked before a consent is spent: WeChat would answer 47003 and the consent would be wasted.
  if (templateDataProblems(data).length) return 'invalid_data';
  const at = () => ports.clock.now().toISOString();
  const once = setting.mode === 'once';
  if (once ? !(await ports.consents.spend(n.recipientUserId, n.kind, at())) : !(await ports.consents.isActive(n.recipientUserId, n.kind)))
    return 'no_consent';
  const res = await ports.notifier
    .send([
      {
        recipientUserId: n.recipientUserId,
        recipientName: n.recipientName ?? '',
        title: n.title,
        body: n.body,
        page: n.page,
        kind: n.kind,
        templateId: setting.templateId,
        data,
      },
    ])
    .catch(() => ({ sent: 0, errors: { network: 1 } as Record<string, number> }));
  if (res.sent === 1) return 'sent';
  if (res.errors?.['43101']) {
    await ports.consents.clear(n.recipientUserId, n.kind, at());
    return 'refused';
  }
  if (once) await ports.consents.refund(n.recipientUserId, n.kind, at());
  return 'failed';
}
