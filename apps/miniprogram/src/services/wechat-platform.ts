import { isH5 } from '../config/runtime-config';
import { h5Platform } from './wechat-platform.h5';
import { weappPlatform } from './wechat-platform.weapp';
import type { WechatPlatform } from './wechat-platform-port';

export { isPrivacyRefusal, PHOTO_PRIVACY_REFUSED, type PrivacyPrompt, type WechatPlatform } from './wechat-platform-port';

/** The platform this build runs on (read at call time: tests switch TARO_ENV). */
export function wechatPlatform(): WechatPlatform {
  return isH5() ? h5Platform : weappPlatform;
}
