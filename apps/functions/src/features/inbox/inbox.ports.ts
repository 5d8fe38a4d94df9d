import type { Kernel } from '../../platform/kernel/kernel';
import type { ConsentStore } from '../../platform/notify/consent-store';
import type { InboxRepository } from '../../platform/notify/inbox-repository';
import type { SubscribeSettings } from '../../platform/notify/subscribe-settings';

/** What the 消息中心 routes take. */
export interface InboxPorts extends Kernel {
  inbox: InboxRepository;
  consents: ConsentStore;
  /** This environment's template per kind. */
  subscribe: SubscribeSettings;
}
