import type { metaRoutes } from '@chuangxing/shared';
import type { RouteImpls } from '../../platform/http/route-context';
import type { Clock } from '../../platform/kernel/clock';
import type { Notifier } from '../../platform/notify/notifier';
import { isOutboxReader } from '../../platform/notify/outbox-notifier';

/** The API's own routes: liveness, its OpenAPI document and (local only) the notification outbox. */
export interface MetaPorts {
  clock: Clock;
  /** The local stack also documents and serves its local-only routes. */
  devLogin: boolean;
  notifier: Notifier;
}

let cachedDoc: { local: boolean; doc: Record<string, unknown> } | undefined;

export const metaImplementations: RouteImpls<typeof metaRoutes, MetaPorts> = {
  health: async ({ deps }) => ({ status: 200, body: { status: 'ok', time: deps.clock.now().toISOString() } }),
  getOpenApi: async ({ deps }) => {
    if (cachedDoc?.local !== deps.devLogin) {
      // The whole contract is built only when the document is asked for: the other routes of this
      // function never need the other features' schemas, so a cold start does not construct them.
      const { buildOpenApiDocument } = await import('@chuangxing/shared/openapi');
      cachedDoc = { local: deps.devLogin, doc: buildOpenApiDocument({ includeLocalOnly: deps.devLogin }) };
    }
    return { status: 200, body: cachedDoc.doc };
  },
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
