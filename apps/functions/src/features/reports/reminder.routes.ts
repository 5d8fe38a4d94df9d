import type { Routes } from '@chuangxing/shared';
import type { RouteImpl } from '../../platform/http/route-context';
import { isOutboxReader } from '../../platform/notify/outbox-notifier';
import { remindMissing as remindUseCase } from './remind-missing';

export const remindMissing: RouteImpl<Routes['remindMissing']> = async ({ deps, principal, allowed, params, body }) => ({
  status: 200,
  body: await remindUseCase(deps, principal, allowed, params.townshipId, body.day),
});

/** Local only (the router answers 404 unless dev login is on): what the outbox notifier stored, newest first. */
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
