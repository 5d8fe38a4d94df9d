import type { metaRoutes } from '@chuangxing/shared';
import type { RouteImpls } from '../../platform/http/route-context';
import type { Clock } from '../../platform/kernel/clock';
import type { Notifier } from '../../platform/notify/notifier';
import { isOutboxReader } from '../../platform/notify/outbox-notifier';

/** The API's own routes: liveness, its OpenAPI document and (local only) the notification outbox. */
export interface MetaPorts {
  clock: Clock;
  /** The API's OpenAPI document: generated with the contract in AWS, built live (with local-only routes) locally. */
  openApiDocument: () => Record<string, unknown>;
  notifier: Notifier;
}

export const metaImplementations: RouteImpls<typeof metaRoutes, MetaPorts> = {
  health: async ({ deps }) => ({ status: 200, body: { status: 'ok', time: deps.clock.now().toISOString() } }),
  getOpenApi: async ({ deps }) => ({ status: 200, body: deps.openApiDocument() }),
  /** Local only (the router answers 404 unless dev login is on): what the outbox notifier stored, newest first. */
  listOutbox: async ({ deps }) => {
    if (!isOutboxReader(deps.notifier)) return { status: 200, body: { messages: [] } };
    const messages = await deps.notifier.listRecent(100);
    return {
      status: 200,
      body: {
        messages: messages.map(({ id, channel, recipientUserId, recipientName, title, body, page, kind, templateId, data, createdAt }) => ({
          id,
          channel,
          recipientUserId,
          recipientName,
          title,
          body,
          // What WeChat would have received: the page, and the kind's template with its keyword values.
          ...(page ? { page } : {}),
          ...(kind ? { kind } : {}),
          ...(templateId ? { templateId } : {}),
          ...(data ? { data } : {}),
          createdAt,
        })),
      },
    };
  },
};
