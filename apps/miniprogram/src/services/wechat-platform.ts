import { isH5 } from '../config/runtime-config';
import { h5Platform } from './wechat-platform-h5';
import type { WechatPlatform } from './wechat-platform-port';
import { weappPlatform } from './wechat-platform-weapp';

export { isPrivacyRefusal, PHOTO_PRIVACY_REFUSED, type PrivacyPrompt, type WechatPlatform } from './wechat-platform-port';

/**
 * The platform this build runs on (read at call time: tests switch TARO_ENV). The implementations are named
 * `-weapp` / `-h5`, not `.weapp` / `.h5`: Taro would resolve this very module to those files per platform.
 */
export function wechatPlatform(): WechatPlatform {
  return isH5() ? h5Platform : weappPlatform;
}
