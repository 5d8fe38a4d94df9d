import Taro from '@tarojs/taro';

/** The community a resident writes to: remembered on this device so home opens its 微权说廉 and 公开栏. */
export interface MyCommunity {
  id: string;
  name: string;
}

const STORAGE_KEY = 'cx.mailbox.community';

/** The part of a key-value storage used here (Taro's synchronous storage by default). */
export interface CommunityStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

const taroStorage: CommunityStorage = {
  get: (key) => Taro.getStorageSync(key),
  set: (key, value) => Taro.setStorageSync(key, value),
};

/** The remembered community, if one was chosen on this device and the stored value still has its shape. */
export function rememberedCommunity(storage: CommunityStorage = taroStorage): MyCommunity | undefined {
  try {
    const v = storage.get(STORAGE_KEY) as Partial<MyCommunity> | '' | undefined;
    if (v && typeof v === 'object' && typeof v.id === 'string' && v.id && typeof v.name === 'string' && v.name)
      return { id: v.id, name: v.name };
  } catch {
    // Storage unavailable: nothing remembered.
  }
  return undefined;
}

/** Remember the community the resident chose or wrote to (a later choice replaces it). */
export function rememberCommunity(c: MyCommunity, storage: CommunityStorage = taroStorage): void {
  if (!c.id || !c.name) return;
  try {
    storage.set(STORAGE_KEY, { id: c.id, name: c.name });
  } catch {
    // Storage unavailable: home keeps asking which community.
  }
}
