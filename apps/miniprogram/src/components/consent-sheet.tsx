import { Button, Text, View } from '@tarojs/components';
import { useSyncExternalStore } from 'react';
import { pendingConsent, subscribeConsent } from '../services/subscribe-consent';
import './consent-sheet.css';

/**
 * H5's stand-in for WeChat's subscribe-message dialog: the same question, asked in the page (it never blocks
 * the page's own buttons). Renders nothing in weapp, where WeChat asks.
 */
export function ConsentSheet() {
  const pending = useSyncExternalStore(subscribeConsent, pendingConsent, pendingConsent);
  if (!pending) return null;
  return (
    <View className="cx-card consent-sheet cx-consent-sheet">
      <Text className="consent-sheet__title">接收微信提醒</Text>
      <Text className="consent-sheet__text">“创星”想在以下事项有进展时给您发送微信消息：</Text>
      {pending.labels.map((label) => (
        <Text key={label} className="consent-sheet__item cx-consent-item">
          · {label}
        </Text>
      ))}
      <Text className="consent-sheet__note">每次允许可收到一条提醒；不允许也能在“消息”里看到。</Text>
      <View className="consent-sheet__actions">
        <Button className="cx-btn cx-consent-reject" onClick={() => pending.answer(false)}>
          暂不
        </Button>
        <Button className="cx-btn cx-btn--primary cx-consent-accept" onClick={() => pending.answer(true)}>
          允许
        </Button>
      </View>
    </View>
  );
}
