import type { ConsentStore } from '../../platform/notify/consent-store';
import { DynamoConsentStore } from '../../platform/notify/consent-store.dynamodb';
import type { InboxRepository } from '../../platform/notify/inbox-repository';
import { DynamoInboxRepository } from '../../platform/notify/inbox-repository.dynamodb';
import { createNotices, type Notices } from '../../platform/notify/notices';
import { type SubscribeSettings, subscribeSettings } from '../../platform/notify/subscribe-settings';
import type { Wiring } from '../../platform/wiring';
import { notifier } from '../identity/identity.wiring';
import type { InboxPorts } from './inbox.ports';

/** Checked once per process: a bad template map fails the cold start, loudly. */
export const subscribeSettingsOf = (w: Pick<Wiring, 'config' | 'once'>): SubscribeSettings =>
  w.once('subscribe-settings', () => subscribeSettings(w.config.subscribe.templates, w.config.subscribe.longTerm));

export const inboxRepository = (w: Pick<Wiring, 'doc' | 'table' | 'clock' | 'once'>): InboxRepository =>
  w.once('inbox', () => new DynamoInboxRepository(w.doc, w.table, w.clock));

export const consentStore = (w: Pick<Wiring, 'doc' | 'table' | 'once'>): ConsentStore =>
  w.once('consents', () => new DynamoConsentStore(w.doc, w.table));

export const inboxPorts = (w: Wiring): InboxPorts => ({
  ...w.kernel,
  inbox: inboxRepository(w),
  consents: consentStore(w),
  subscribe: subscribeSettingsOf(w),
});

/** For every feature that sends notices: the inbox in their transactions, WeChat where consented. */
export const noticesPort = (w: Wiring): Notices =>
  w.once('notices', () =>
    createNotices({
      clock: w.clock,
      ids: w.kernel.ids,
      inbox: inboxRepository(w),
      consents: consentStore(w),
      notifier: notifier(w),
      subscribe: subscribeSettingsOf(w),
    }),
  );
