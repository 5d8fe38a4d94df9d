import { Button, Text, View } from '@tarojs/components';
import { useEffect, useSyncExternalStore } from 'react';
import { accessibleControl } from '../components/accessible-control';
import { privacyGate } from '../services/privacy-gate';
import { wechatPlatform } from '../services/wechat-platform';
import './privacy-popup.css';

/** WeChat checks that the agree button with this id was really tapped. */
export const PRIVACY_AGREE_BUTTON = 'cx-privacy-agree';

/**
 * Our own 隐私保护指引 popup, shown while WeChat holds a privacy API (choosing photos) for the user's consent:
 * what it is for, the link to the guide, 同意 (the agreePrivacyAuthorization button) and 拒绝.
 */
export function PrivacyPopup() {
  const prompt = useSyncExternalStore(privacyGate.subscribe, privacyGate.current, privacyGate.current);
  useEffect(() => {
    prompt?.shown();
  }, [prompt]);
  if (!prompt) return null;
  const openGuide = () => {
    wechatPlatform()
      .openPrivacyContract()
      .catch(() => undefined);
  };
  return (
    <View className="cx-privacy" catchMove>
      <View className="cx-privacy__card">
        <Text className="cx-privacy__title">隐私保护提示</Text>
        <Text className="cx-privacy__text">
          选择和上传照片前，请阅读
          <Text className="cx-privacy__link" {...accessibleControl({ onActivate: openGuide })}>
            《创星小程序隐私保护指引》
          </Text>
          。照片只用于您提交的日报、来信和整改材料，我们不会用于其他用途。
        </Text>
        <View className="cx-privacy__actions">
          <Button className="cx-btn cx-privacy__disagree" onClick={() => privacyGate.disagree()}>
            拒绝
          </Button>
          <Button
            id={PRIVACY_AGREE_BUTTON}
            className="cx-btn cx-btn--primary cx-privacy__agree"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => privacyGate.agree(PRIVACY_AGREE_BUTTON)}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  );
}
