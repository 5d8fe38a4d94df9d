import Taro from '@tarojs/taro';
import { reminderTemplateId } from '../../../../config/runtime-config';

const ignore = () => undefined;

/**
 * weapp: ask for consent to the reminder 订阅消息 (WeChat shows its dialog only from a tap, so this runs in the
 * 提交 handler). The answer does not matter here and is never waited for: the submission goes ahead regardless.
 */
export function askReminderConsent(): void {
  const tmplId = reminderTemplateId();
  if (!tmplId) return;
  try {
    // Taro's Option type wants alipay's entityIds too; weapp takes tmplIds alone.
    Taro.requestSubscribeMessage({ tmplIds: [tmplId] } as Taro.requestSubscribeMessage.Option).catch(ignore);
  } catch {
    // An old client without the API.
  }
}
