import { useEffect } from 'react';
import { vi } from 'vitest';

/** In-memory Taro storage. */
export const storage = new Map<string, unknown>();
/** What useRouter / getCurrentInstance return; tests set `router.params`. */
export const router: { params: Record<string, string | undefined> } = { params: {} };

const ok = (api: string) => async () => ({ errMsg: `${api}:ok` });

/** The Taro API surface the app uses; every function is a vi.fn so tests can program and inspect it. */
export const taroMock = {
  request: vi.fn(),
  login: vi.fn(async () => ({ code: 'wx-code-1', errMsg: 'login:ok' })),
  getStorageSync: vi.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: vi.fn((key: string, value: unknown) => {
    storage.set(key, value);
  }),
  removeStorageSync: vi.fn((key: string) => {
    storage.delete(key);
  }),
  navigateTo: vi.fn(ok('navigateTo')),
  switchTab: vi.fn(ok('switchTab')),
  showToast: vi.fn(ok('showToast')),
  setNavigationBarTitle: vi.fn(ok('setNavigationBarTitle')),
  /** Resolves { confirm: true } unless a test programs it otherwise. */
  showModal: vi.fn(async (_options: Record<string, unknown>) => ({ confirm: true, cancel: false, errMsg: 'showModal:ok' })),
  setClipboardData: vi.fn(async (_options: { data: string }) => ({ errMsg: 'setClipboardData:ok' })),
  pageScrollTo: vi.fn(ok('pageScrollTo')),
  getCurrentInstance: vi.fn(() => ({ router: { params: router.params, path: '' } })),
};

/** Back to a fresh app: empty storage, no route params, default mock behaviour. */
export function resetTaroMock(): void {
  storage.clear();
  router.params = {};
  taroMock.request.mockReset();
  taroMock.login.mockReset().mockImplementation(async () => ({ code: 'wx-code-1', errMsg: 'login:ok' }));
  for (const name of ['navigateTo', 'switchTab', 'showToast', 'setNavigationBarTitle', 'setClipboardData', 'pageScrollTo'] as const) {
    taroMock[name].mockReset().mockImplementation(ok(name));
  }
  taroMock.showModal.mockReset().mockImplementation(async () => ({ confirm: true, cancel: false, errMsg: 'showModal:ok' }));
  taroMock.getStorageSync.mockClear();
  taroMock.setStorageSync.mockClear();
  taroMock.removeStorageSync.mockClear();
}

export function useLaunch(fn: () => void): void {
  useEffect(fn, []);
}

export function useLoad(fn: (params: Record<string, string | undefined>) => void): void {
  useEffect(() => fn(router.params), []);
}

export function useDidShow(fn: () => void): void {
  useEffect(fn, []);
}

export function useRouter() {
  return { params: router.params, path: '' };
}

export default taroMock;
