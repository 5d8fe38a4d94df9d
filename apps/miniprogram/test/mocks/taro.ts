import { useEffect, useRef } from 'react';
import { vi } from 'vitest';

/** In-memory Taro storage. */
export const storage = new Map<string, unknown>();
/** What useRouter / getCurrentInstance return; tests set `router.params`. */
export const router: { params: Record<string, string | undefined> } = { params: {} };

const ok = (api: string) => async () => ({ errMsg: `${api}:ok` });

type NetworkListener = (res: { isConnected: boolean; networkType: string }) => void;
/** Listeners registered through onNetworkStatusChange / onAppShow; tests fire them with the helpers below. */
export const networkListeners = new Set<NetworkListener>();
export const appShowListeners = new Set<() => void>();
type PrivacyResolve = (option: { event: string; buttonId?: string }) => void;
type PrivacyListener = (resolve: PrivacyResolve, info: { referrer: string }) => void;
const privacyListeners: PrivacyListener[] = [];

/** A privacy API asks for consent (as WeChat does when chooseMedia runs before the user agreed); returns what was resolved. */
export function needPrivacy(referrer = 'chooseMedia'): { event: string; buttonId?: string }[] {
  const answers: { event: string; buttonId?: string }[] = [];
  for (const l of privacyListeners) l((option) => answers.push(option), { referrer });
  return answers;
}

/** Sizes of local files for the file-system mock; unknown paths are 150 KB; deleted paths are gone. */
export const localFiles = new Map<string, number | 'gone'>();

/** The network comes back (or drops): what WeChat tells onNetworkStatusChange listeners. */
export function emitNetworkChange(isConnected: boolean): void {
  for (const l of networkListeners) l({ isConnected, networkType: isConnected ? 'wifi' : 'none' });
}

export function emitAppShow(): void {
  for (const l of appShowListeners) l();
}

const fileSystemManager = {
  getFileInfo: vi.fn((o: { filePath: string; success?: (r: { size: number }) => void; fail?: (e: unknown) => void }) => {
    const size = localFiles.get(o.filePath);
    if (size === 'gone') o.fail?.({ errMsg: 'getFileInfo:fail no such file or directory' });
    else o.success?.({ size: size ?? 150_000 });
  }),
  saveFile: vi.fn((o: { tempFilePath: string; success?: (r: { savedFilePath: string }) => void }) => {
    o.success?.({ savedFilePath: o.tempFilePath.replace('tmp://', 'saved://') });
  }),
  removeSavedFile: vi.fn((o: { filePath: string }) => {
    localFiles.set(o.filePath, 'gone');
  }),
};

/** Default upload: the storage answers 204 on the next tick. */
const uploadOk = (o: { success?: (r: { statusCode: number; data: string }) => void }) => {
  setTimeout(() => o.success?.({ statusCode: 204, data: '' }), 0);
  return { onProgressUpdate: vi.fn(), abort: vi.fn() };
};

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
  redirectTo: vi.fn(ok('redirectTo')),
  /** WeChat's standard font size unless a test sets a larger one. */
  getAppBaseInfo: vi.fn((): { fontSizeSetting?: number } => ({ fontSizeSetting: 17 })),
  navigateBack: vi.fn(ok('navigateBack')),
  switchTab: vi.fn(ok('switchTab')),
  showToast: vi.fn(ok('showToast')),
  setNavigationBarTitle: vi.fn(ok('setNavigationBarTitle')),
  /** Resolves { confirm: true } unless a test programs it otherwise. */
  showModal: vi.fn(async (_options: Record<string, unknown>) => ({ confirm: true, cancel: false, errMsg: 'showModal:ok' })),
  setClipboardData: vi.fn(async (_options: { data: string }) => ({ errMsg: 'setClipboardData:ok' })),
  pageScrollTo: vi.fn(ok('pageScrollTo')),
  makePhoneCall: vi.fn(async (_options: { phoneNumber: string }) => ({ errMsg: 'makePhoneCall:ok' })),
  getCurrentInstance: vi.fn(() => ({ router: { params: router.params, path: '' } })),
  showLoading: vi.fn(ok('showLoading')),
  hideLoading: vi.fn(),
  stopPullDownRefresh: vi.fn(),
  previewImage: vi.fn(ok('previewImage')),
  getNetworkType: vi.fn(async () => ({ networkType: 'wifi', errMsg: 'getNetworkType:ok' })),
  onNetworkStatusChange: vi.fn((cb: NetworkListener) => {
    networkListeners.add(cb);
  }),
  offNetworkStatusChange: vi.fn((cb: NetworkListener) => {
    networkListeners.delete(cb);
  }),
  onAppShow: vi.fn((cb: () => void) => {
    appShowListeners.add(cb);
  }),
  offAppShow: vi.fn((cb: () => void) => {
    appShowListeners.delete(cb);
  }),
  chooseMedia: vi.fn(async (_o: Record<string, unknown>) => ({
    tempFiles: [
      {
        tempFilePath: 'tmp://photo-1.jpg',
        size: 3_000_000,
        width: 4000,
        height: 3000,
        fileType: 'image',
        duration: 0,
        thumbTempFilePath: '',
      },
    ],
    type: 'image',
    errMsg: 'chooseMedia:ok',
  })),
  compressImage: vi.fn(async (o: { src: string; quality?: number; compressedWidth?: number }) => ({
    tempFilePath: `${o.src.replace('.jpg', '')}-${o.compressedWidth ?? 'q'}.jpg`,
    errMsg: 'compressImage:ok',
  })),
  uploadFile: vi.fn(uploadOk),
  getFileSystemManager: vi.fn(() => fileSystemManager),
  downloadFile: vi.fn(async (_o: Record<string, unknown>) => ({
    tempFilePath: 'tmp://export.xlsx',
    statusCode: 200,
    errMsg: 'downloadFile:ok',
  })),
  openDocument: vi.fn(ok('openDocument')),
  shareFileMessage: vi.fn(async (_o: { filePath: string; fileName?: string }) => ({ errMsg: 'shareFileMessage:ok' })),
  /** The privacy gate (`__usePrivacyCheck__`): tests fire the registered listener with `needPrivacy`. */
  onNeedPrivacyAuthorization: vi.fn((listener: PrivacyListener) => {
    privacyListeners.push(listener);
  }),
  openPrivacyContract: vi.fn((o: { success?: () => void }) => {
    o?.success?.();
  }),
  /** 订阅消息 consent: resolves as if the user accepted, unless a test programs it otherwise. */
  requestSubscribeMessage: vi.fn(async (_o: { tmplIds: string[] }) => ({ errMsg: 'requestSubscribeMessage:ok' }) as Record<string, string>),
  /** The 消息 tab's unread badge. */
  setTabBarBadge: vi.fn(async (_o: { index: number; text: string }) => ({ errMsg: 'setTabBarBadge:ok' })),
  removeTabBarBadge: vi.fn(async (_o: { index: number }) => ({ errMsg: 'removeTabBarBadge:ok' })),
};

/** Back to a fresh app: empty storage, no route params, default mock behaviour. */
export function resetTaroMock(): void {
  storage.clear();
  privacyListeners.length = 0;
  taroMock.onNeedPrivacyAuthorization.mockClear();
  taroMock.openPrivacyContract.mockClear();
  networkListeners.clear();
  appShowListeners.clear();
  localFiles.clear();
  taroMock.uploadFile.mockReset().mockImplementation(uploadOk);
  taroMock.chooseMedia.mockClear();
  taroMock.compressImage.mockClear();
  taroMock.previewImage.mockClear();
  taroMock.showLoading.mockClear();
  taroMock.hideLoading.mockClear();
  taroMock.stopPullDownRefresh.mockClear();
  taroMock.downloadFile.mockClear();
  taroMock.openDocument.mockClear();
  taroMock.shareFileMessage.mockReset().mockImplementation(async () => ({ errMsg: 'shareFileMessage:ok' }));
  taroMock.requestSubscribeMessage.mockReset().mockImplementation(async () => ({ errMsg: 'requestSubscribeMessage:ok' }));
  taroMock.setTabBarBadge.mockClear();
  taroMock.removeTabBarBadge.mockClear();
  router.params = {};
  taroMock.request.mockReset();
  taroMock.login.mockReset().mockImplementation(async () => ({ code: 'wx-code-1', errMsg: 'login:ok' }));
  for (const name of ['navigateTo', 'switchTab', 'showToast', 'setNavigationBarTitle', 'setClipboardData', 'pageScrollTo'] as const) {
    taroMock[name].mockReset().mockImplementation(ok(name));
  }
  taroMock.makePhoneCall.mockClear();
  taroMock.redirectTo.mockReset().mockImplementation(ok('redirectTo'));
  taroMock.navigateBack.mockReset().mockImplementation(ok('navigateBack'));
  taroMock.showModal.mockReset().mockImplementation(async () => ({ confirm: true, cancel: false, errMsg: 'showModal:ok' }));
  taroMock.getStorageSync.mockClear();
  taroMock.setStorageSync.mockClear();
  taroMock.removeStorageSync.mockClear();
  taroMock.getAppBaseInfo.mockReset().mockImplementation(() => ({ fontSizeSetting: 17 }));
}

/** Taro calls a page's lifecycle handler on its event, whichever render defined it: here, the latest one, once on mount. */
function useOnMount(fn: () => void): void {
  const latest = useRef(fn);
  latest.current = fn;
  useEffect(() => latest.current(), []);
}

export function useLaunch(fn: () => void): void {
  useOnMount(fn);
}

export function useLoad(fn: (params: Record<string, string | undefined>) => void): void {
  useOnMount(() => fn(router.params));
}

export function useDidShow(fn: () => void): void {
  useOnMount(fn);
}

export function useDidHide(_fn: () => void): void {}

export function useUnload(_fn: () => void): void {}

/** Tests pull down with `pullDownRefresh()`. */
let pullDownHandler: (() => void) | undefined;
export function usePullDownRefresh(fn: () => void): void {
  pullDownHandler = fn;
}
export function pullDownRefresh(): void {
  pullDownHandler?.();
}

/** Tests scroll to the bottom with `reachBottom()`. */
let reachBottomHandler: (() => void) | undefined;
export function useReachBottom(fn: () => void): void {
  reachBottomHandler = fn;
}
export function reachBottom(): void {
  reachBottomHandler?.();
}

/** The page's share handler (weapp 转发); tests read what it would share with `sharedMessage()`. */
let shareHandler: (() => { title?: string; path?: string }) | undefined;
export function useShareAppMessage(fn: () => { title?: string; path?: string }): void {
  shareHandler = fn;
}
export function sharedMessage(): { title?: string; path?: string } | undefined {
  return shareHandler?.();
}

export function useRouter() {
  return { params: router.params, path: '' };
}

export default taroMock;
