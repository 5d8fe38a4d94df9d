import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AppConfig } from '../config/config';
import type { Clock } from '../kernel/clock';
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
    return new WechatSubscribeNotifier({
      apiBase: config.wechat.apiBase,
      appId: config.wechat.appId,
      appSecret: ctx.appSecret,
      templateId: config.wechatReminderTemplateId,
      openids: ctx.openids,
      clock: ctx.clock,
    });
  }
  return new OutboxNotifier(ctx.doc, config.tableName, ctx.clock);
}
