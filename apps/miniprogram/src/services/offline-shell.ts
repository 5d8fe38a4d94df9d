/** The first page's own files and data go first on a slow network; the shell's precache waits this long after `load`. */
export const REGISTER_DELAY_MS = 3000;

/**
 * H5: registers sw.js (config/h5-delivery.ts), which precaches the app shell and the reports subpackage so that
 * 填写今日日报 opens offline once the app has been opened online. Not in `npm run dev:h5` (no sw.js there).
 */
export function registerOfflineShell(win: Window = window): void {
  const sw = win.navigator?.serviceWorker;
  if (!sw) return;
  const register = () => win.setTimeout(() => sw.register('/sw.js').catch(() => undefined), REGISTER_DELAY_MS);
  if (win.document.readyState === 'complete') register();
  else win.addEventListener('load', register, { once: true });
}
