import { afterEach, describe, expect, it, vi } from 'vitest';
import { REGISTER_DELAY_MS, registerOfflineShell } from '../../src/services/offline-shell';

/** A window with a service-worker container that records registrations, and a page still loading. */
function fakeWindow(readyState: DocumentReadyState, withServiceWorker = true) {
  const register = vi.fn(async (_url: string) => ({}));
  const listeners = new Map<string, () => void>();
  const win = {
    navigator: withServiceWorker ? { serviceWorker: { register } } : {},
    document: { readyState },
    addEventListener: (type: string, fn: () => void) => listeners.set(type, fn),
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  } as unknown as Window;
  return { win, register, fire: (type: string) => listeners.get(type)?.() };
}

describe('registerOfflineShell', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('registers /sw.js only after the page has loaded and the delay has passed', () => {
    vi.useFakeTimers();
    const { win, register, fire } = fakeWindow('loading');
    registerOfflineShell(win);
    vi.advanceTimersByTime(REGISTER_DELAY_MS * 2);
    expect(register).not.toHaveBeenCalled();
    fire('load');
    vi.advanceTimersByTime(REGISTER_DELAY_MS - 1);
    expect(register).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(register).toHaveBeenCalledWith('/sw.js');
  });

  it('counts the delay from now when the page has already loaded, and does nothing without service workers', () => {
    vi.useFakeTimers();
    const loaded = fakeWindow('complete');
    registerOfflineShell(loaded.win);
    vi.advanceTimersByTime(REGISTER_DELAY_MS);
    expect(loaded.register).toHaveBeenCalledTimes(1);

    const old = fakeWindow('complete', false);
    expect(() => registerOfflineShell(old.win)).not.toThrow();
    vi.advanceTimersByTime(REGISTER_DELAY_MS);
    expect(old.register).not.toHaveBeenCalled();
  });
});
