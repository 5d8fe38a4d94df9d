import Taro from '@tarojs/taro';
import { useCallback, useSyncExternalStore } from 'react';
import { isH5 } from '../config/runtime-config';

/**
 * 大字 (large text), app-wide. By default it follows WeChat's own font size (我-设置-通用-字体大小): WeChat's standard
 * size is 17 px (16 on Android), so any larger setting means the reader asked for bigger text. The H5 build has no such
 * setting and starts in standard text. The switch in 我的 overrides it; the choice is kept on the device.
 */
export type TextSizeChoice = 'follow' | 'large' | 'standard';

/** WeChat's standard font size in px; a fontSizeSetting above it is an enlarged one. */
export const WECHAT_STANDARD_FONT_PX = 17;

const STORAGE_KEY = 'cx.textSize';
/** The mailbox pages' own 大字 switch, before it went app-wide: `true` carries over as 大字. */
const LEGACY_MAILBOX_KEY = 'cx.mailbox.largeText';
/** On <html> in H5, and on every page's root (components/page-root.tsx) in both builds. */
export const LARGE_TEXT_CLASS = 'cx-large';

/** Whether WeChat's font setting (getAppBaseInfo().fontSizeSetting, px) asks for large text. */
export function isLargeFontSetting(fontSizeSetting: number | undefined): boolean {
  return typeof fontSizeSetting === 'number' && Number.isFinite(fontSizeSetting) && fontSizeSetting > WECHAT_STANDARD_FONT_PX;
}

/** The reader's choice wins; "follow" takes WeChat's setting. */
export function resolveLargeText(choice: TextSizeChoice, systemLarge: boolean): boolean {
  if (choice === 'large') return true;
  if (choice === 'standard') return false;
  return systemLarge;
}

/** WeChat's font setting (weapp, base library 2.23.4+); none in H5 or on older clients. */
function systemLarge(): boolean {
  if (isH5()) return false;
  try {
    // Taro's typing of getAppBaseInfo lacks fontSizeSetting, which WeChat documents (base library 2.23.4).
    const info = Taro.getAppBaseInfo() as { fontSizeSetting?: number };
    return isLargeFontSetting(info.fontSizeSetting);
  } catch {
    return false;
  }
}

function readChoice(): TextSizeChoice {
  try {
    const saved: unknown = Taro.getStorageSync(STORAGE_KEY);
    if (saved === 'follow' || saved === 'large' || saved === 'standard') return saved;
    return Taro.getStorageSync(LEGACY_MAILBOX_KEY) === true ? 'large' : 'follow';
  } catch {
    return 'follow';
  }
}

export interface TextSizeState {
  choice: TextSizeChoice;
  /** What WeChat's own setting asks for. */
  system: boolean;
  large: boolean;
}

let state: TextSizeState | undefined;
const listeners = new Set<() => void>();

/** H5: the class on <html> styles every page (a11y.css); weapp pages take it from PageRoot. */
function applyRootClass(large: boolean): void {
  if (!isH5() || typeof document === 'undefined') return;
  document.documentElement.classList.toggle(LARGE_TEXT_CLASS, large);
}

function load(): TextSizeState {
  const choice = readChoice();
  const system = systemLarge();
  return { choice, system, large: resolveLargeText(choice, system) };
}

export const textSize = {
  get(): TextSizeState {
    if (!state) state = load();
    return state;
  },
  large(): boolean {
    return textSize.get().large;
  },
  /** The 我的 switch: large or standard, or back to following WeChat. */
  choose(choice: TextSizeChoice): void {
    const { system } = textSize.get();
    state = { choice, system, large: resolveLargeText(choice, system) };
    try {
      Taro.setStorageSync(STORAGE_KEY, choice);
      Taro.removeStorageSync(LEGACY_MAILBOX_KEY);
    } catch {
      // Storage unavailable: the choice lasts for this run.
    }
    applyRootClass(state.large);
    for (const listener of listeners) listener();
  },
  /** At launch: read the choice and WeChat's setting again, and style the root. */
  install(): void {
    state = load();
    applyRootClass(state.large);
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Tests: forget the state read so far. */
  reset(): void {
    state = undefined;
    applyRootClass(false);
  },
};

/** The current 大字 state, re-rendering on change, and a toggle (an explicit choice, no longer following WeChat). */
export function useLargeText(): [boolean, () => void] {
  const large = useSyncExternalStore(textSize.subscribe, textSize.large, textSize.large);
  const toggle = useCallback(() => textSize.choose(textSize.large() ? 'standard' : 'large'), []);
  return [large, toggle];
}

/**
 * A page root's extra class: ' cx-large' in 大字, else ''. H5 needs none (the class is on <html>); the weapp has no
 * shared root, so every page puts it on its own through PageRoot (components/page-root.tsx).
 */
export function useLargeTextClass(): string {
  const [large] = useLargeText();
  return large ? ` ${LARGE_TEXT_CLASS}` : '';
}

export function useTextSize(): TextSizeState {
  return useSyncExternalStore(textSize.subscribe, textSize.get, textSize.get);
}
