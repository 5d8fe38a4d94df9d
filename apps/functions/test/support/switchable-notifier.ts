import type { Notification, Notifier } from '../../src/platform/notify/notifier';
import { isOutboxReader, type OutboxMessage, type OutboxReader } from '../../src/platform/notify/outbox-notifier';

/**
 * The test stack's notifier: the one the config picks (the outbox), swappable mid-test for another (a
 * WeChat notifier against the fake server). Every feature of the stack holds this one instance.
 */
export class SwitchableNotifier implements Notifier, OutboxReader {
  constructor(private current: Notifier) {}

  use(next: Notifier): void {
    this.current = next;
  }

  send(messages: Notification[]): Promise<{ sent: number }> {
    return this.current.send(messages);
  }

  /** What the outbox holds; nothing when the notifier in use is not the outbox. */
  async listRecent(limit?: number): Promise<OutboxMessage[]> {
    return isOutboxReader(this.current) ? this.current.listRecent(limit) : [];
  }
}
