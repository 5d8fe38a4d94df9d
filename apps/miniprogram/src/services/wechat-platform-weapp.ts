import Taro from '@tarojs/taro';
import type { PrivacyPrompt, WechatPlatform } from './wechat-platform-port';

/** WeChat itself: wx.login, wx.onNeedPrivacyAuthorization (with `__usePrivacyCheck__` on) and wx.openPrivacyContract. */
export const weappPlatform: WechatPlatform = {
  kind: 'weapp',
  signsInWithWechat: true,
  async loginCode() {
    const { code } = await Taro.login();
    if (!code) throw new Error('wx.login gave no code');
    return code;
  },
  onPrivacyNeeded(listener) {
    // Base library 2.32.3+; older clients show WeChat's own popup.
    if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
    Taro.onNeedPrivacyAuthorization((resolve, info) => {
      const prompt: PrivacyPrompt = {
        referrer: info?.referrer ?? '',
        shown: () => resolve({ event: 'exposureAuthorization' }),
        agree: (buttonId) => resolve({ event: 'agree', buttonId }),
        disagree: () => resolve({ event: 'disagree' }),
      };
      listener(prompt);
    });
  },
  openPrivacyContract() {
    return new Promise<void>((done, fail) => {
      Taro.openPrivacyContract({ success: () => done(), fail: (e) => fail(e) });
    });
  },
};
