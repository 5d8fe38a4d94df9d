import Taro from '@tarojs/taro';
import type { KeyValueStorage } from './ports';

/** Taro's synchronous storage (wx storage in weapp, localStorage in H5). Missing keys read as ''. */
export const taroStorage: KeyValueStorage = {
  get(key) {
    const value = Taro.getStorageSync(key);
    return value === '' ? undefined : value;
  },
  set(key, value) {
    Taro.setStorageSync(key, value);
  },
  remove(key) {
    Taro.removeStorageSync(key);
  },
};
