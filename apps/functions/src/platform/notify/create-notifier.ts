import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AppConfig } from '../config/config';
import type { Clock } from '../kernel/clock';
import { DynamoAccessTokenStore } from '../wechat/access-token-store.dynamodb';
import { SharedAccessTokens } from '../wechat/shared-access-tokens';
import { stableTokenFetcher } from '../wechat/stable-token.http';
import type { Notifier } from './notifier';
import type { OpenidDirectory } from './openid-directory';
import { OutboxNotifier } from './outbox-notifier';
import { WechatSubscribeNotifier } from './wechat-subscribe-notifier';

/** WeChat subscribe messages in production; the outbox (stored, listed at /v1/dev/outbox) locally. */
export function createNotifier(
  config: AppConfig,
  ctx: { doc: DynamoDBDocumentClient; clock: Clock; appSecret: () => Promise<string>; openids: OpenidDirectory },
): Notifier {
  if (config.notifier === 'wechat') {
    const { apiBase, appId } = config.wechat;
    const accessTokens = new SharedAccessTokens({
      appId,
      store: new DynamoAccessTokenStore(ctx.doc, config.tableName),
      fetch: stableTokenFetcher({ apiBase, appId, appSecret: ctx.appSecret }),
      clock: ctx.clock,
    });
    return new WechatSubscribeNotifier({
      apiBase,
      accessTokens,
      templateId: config.wechatReminderTemplateId,
      openids: ctx.openids,
      clock: ctx.clock,
    });
  }
  return new OutboxNotifier(ctx.doc, config.tableName, ctx.clock);
}
