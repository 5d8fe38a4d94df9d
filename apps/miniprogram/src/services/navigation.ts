import Taro from '@tarojs/taro';
import { TAB_PAGES } from './routes';

const ignore = () => undefined;

/** Open a page: tab pages need switchTab, the rest navigateTo. */
export function openPage(url: string): void {
  const path = url.split('?')[0];
  if (TAB_PAGES.includes(path)) Taro.switchTab({ url: path }).catch(ignore);
  else Taro.navigateTo({ url }).catch(ignore);
}

export function showComingSoon(): void {
  Taro.showToast({ title: '即将上线，敬请期待', icon: 'none' }).catch(ignore);
}
