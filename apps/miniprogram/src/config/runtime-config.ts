/** Where the local stack's API listens; the H5 fallback when nothing was injected. */
export const LOCAL_API_BASE = 'http://127.0.0.1:3001';

function h5Window(): Window | undefined {
  return typeof window === 'undefined' ? undefined : window;
}

export function isH5(): boolean {
  return process.env.TARO_ENV === 'h5';
}

/**
 * The API base URL.
 * - H5: `window.CX_API_BASE`, injected into index.html by the local static server at serve time,
 *   else the local API.
 * - weapp: the build-time constant `CX_BUILD_API_BASE` (from env CX_API_BASE) (config/index.ts).
 */
export function apiBaseUrl(): string {
  if (isH5()) return h5Window()?.CX_API_BASE || LOCAL_API_BASE;
  return CX_BUILD_API_BASE;
}

/**
 * Whether the demo-user login (a local-stack-only API) is on offer.
 * - H5: `window.CX_DEV_LOGIN` when injected; without any injection the page talks to the local
 *   API, which always has demo users.
 * - weapp: the build-time constant `CX_BUILD_DEV_LOGIN` (from env CX_DEV_LOGIN).
 */
export function devLoginAvailable(): boolean {
  if (isH5()) {
    const w = h5Window();
    if (typeof w?.CX_DEV_LOGIN === 'boolean') return w.CX_DEV_LOGIN;
    return !w?.CX_API_BASE;
  }
  return CX_BUILD_DEV_LOGIN;
}

/**
 * The 订阅消息 template id of the daily-report reminder, or '' when none is configured.
 * weapp only: the build-time constant `CX_BUILD_REMINDER_TEMPLATE_ID` (from env CX_REMINDER_TEMPLATE_ID).
 * Read at call time (tests stub the global).
 */
export function reminderTemplateId(): string {
  if (process.env.TARO_ENV !== 'weapp') return '';
  return CX_BUILD_REMINDER_TEMPLATE_ID || '';
}
