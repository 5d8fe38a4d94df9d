import type { Metrics } from '../observability/metrics';
import type { Notification, Notifier } from './notifier';
import { isOutboxReader, type OutboxReader } from './outbox-notifier';

/**
 * Counts what a notifier delivered and what it did not (NotificationsSent, NotificationsFailed), whatever the
 * channel. A send that throws counts every message as failed and rethrows. The local outbox stays readable.
 */
export function countingNotifier(inner: Notifier, metrics: Metrics): Notifier {
  const counting: Notifier = {
    async send(messages: Notification[]) {
      if (messages.length === 0) return inner.send(messages);
      let result: Awaited<ReturnType<Notifier['send']>>;
      try {
        result = await inner.send(messages);
      } catch (err) {
        metrics.count('NotificationsFailed', messages.length);
        throw err;
      }
      const failed = (result as { failed?: number }).failed ?? messages.length - result.sent;
      metrics.count('NotificationsSent', result.sent);
      metrics.count('NotificationsFailed', failed);
      return result;
    },
  };
  if (!isOutboxReader(inner)) return counting;
  const reader: OutboxReader = { listRecent: (limit) => inner.listRecent(limit) };
  return Object.assign(counting, reader);
}
