import type { Routes } from '@chuangxing/shared';
import type { RouteImpl } from '../../platform/http/route-context';
import { isOutboxReader } from '../../platform/notify/outbox-notifier';

/**
 * A meta route, not one of the reports (kept here for now; the one-tap reminder is in reports.routes.ts).
 * Local only (the router answers 404 unless dev login is on): what the outbox notifier stored, newest
 * first.
 */
export const listOutbox: RouteImpl<Routes['listOutbox']> = async ({ deps }) => {
  if (!isOutboxReader(deps.notifier)) return { status: 200, body: { messages: [] } };
  const messages = await deps.notifier.listRecent(100);
  return {
    status: 200,
    body: {
      messages: messages.map(({ id, channel, recipientUserId, recipientName, title, body, createdAt }) => ({
        id,
        channel,
        recipientUserId,
        recipientName,
        title,
        body,
        createdAt,
      })),
    },
  };
};
