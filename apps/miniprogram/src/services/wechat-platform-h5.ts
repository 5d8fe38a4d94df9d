import { failureError } from './api-failure';
import { openPage } from './navigation';
import { PAGES } from './routes';
import type { WechatPlatform } from './wechat-platform-port';

/**
 * A browser (the H5 build the local stack serves): no WeChat sign-in (people pick a demo user), no privacy gate
 * (the browser's file picker asks nothing), and the 隐私保护指引 is our own page of the same text.
 */
export const h5Platform: WechatPlatform = {
  kind: 'h5',
  signsInWithWechat: false,
  async loginCode() {
    throw failureError({ message: '浏览器中不能使用微信登录，请选择演示用户' });
  },
  onPrivacyNeeded() {
    // Nothing in a browser asks for the privacy authorization.
  },
  async openPrivacyContract() {
    openPage(PAGES.privacyGuide);
  },
};
