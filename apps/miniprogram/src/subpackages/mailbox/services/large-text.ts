import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';

const STORAGE_KEY = 'cx.mailbox.largeText';

function read(): boolean {
  try {
    return Taro.getStorageSync(STORAGE_KEY) === true;
  } catch {
    return false;
  }
}

/**
 * 大字: the residents' pages scale their text by about 1.3× (the `mailbox--large` class on the page).
 * The choice is kept on the device, so every mailbox page opens the way the reader left it.
 */
export function useLargeText(): [boolean, () => void] {
  const [large, setLarge] = useState(read);
  const toggle = useCallback(() => {
    setLarge((on) => {
      const next = !on;
      try {
        Taro.setStorageSync(STORAGE_KEY, next);
      } catch {
        // Storage unavailable: the choice lasts for this page only.
      }
      return next;
    });
  }, []);
  return [large, toggle];
}

export function pageClass(base: string, large: boolean): string {
  return `cx-page mailbox ${base}${large ? ' mailbox--large' : ''}`;
}
