import Taro from '@tarojs/taro';
import { api } from './api';
import { sessionStore } from './session-store';

/** The 消息 tab (app.config.ts): the second of 首页 · 消息 · 组织 · 我的. */
export const INBOX_TAB_INDEX = 1;
const ignore = () => undefined;

/** `99+` past 99, as WeChat's own badges do. */
export function badgeText(unread: number): string {
  return unread > 99 ? '99+' : String(unread);
}

/**
 * The unread count on the 消息 tab. Taro's setTabBarBadge is WeChat's in weapp and drives Taro's own tab bar
 * in H5 (only while a tab page shows it), so tab pages call this when they show, and the inbox after a read.
 * Never awaited for the page: H5 answers only once its tab bar is there.
 */
export async function refreshUnreadBadge(known?: number): Promise<number | undefined> {
  if (!sessionStore.token()) {
    Taro.removeTabBarBadge({ index: INBOX_TAB_INDEX }).catch(ignore);
    return undefined;
  }
  let unread = known;
  if (unread === undefined) {
    const res = await api.countUnreadNotices({}).catch(() => undefined);
    if (res?.status !== 200) return undefined;
    unread = res.body.unread;
  }
  if (unread > 0) Taro.setTabBarBadge({ index: INBOX_TAB_INDEX, text: badgeText(unread) }).catch(ignore);
  else Taro.removeTabBarBadge({ index: INBOX_TAB_INDEX }).catch(ignore);
  return unread;
}
