import type { Me, Session } from '@chuangxing/shared';
import Taro from '@tarojs/taro';

const STORAGE_KEY = 'cx.session';

export interface SessionState {
  token?: string;
  expiresAt?: string;
  /** The last known caller; refreshed from getMe when the home tab shows. */
  me?: Me;
  /** The user pressed 退出登录 in this run: do not log in again by itself. */
  signedOut?: boolean;
}

interface SavedSession {
  token: string;
  expiresAt?: string;
  me?: Me;
}

type Listener = () => void;

let state: SessionState | undefined;
const listeners = new Set<Listener>();

function readStorage(): SessionState {
  try {
    const saved = Taro.getStorageSync(STORAGE_KEY) as Partial<SavedSession> | '' | undefined;
    if (!saved || typeof saved !== 'object' || typeof saved.token !== 'string' || !saved.token) return {};
    if (saved.expiresAt && Date.parse(saved.expiresAt) <= Date.now()) return {};
    return { token: saved.token, expiresAt: saved.expiresAt, me: saved.me };
  } catch {
    return {};
  }
}

function write(next: SessionState): void {
  state = next;
  try {
    if (next.token) {
      const saved: SavedSession = { token: next.token, expiresAt: next.expiresAt, me: next.me };
      Taro.setStorageSync(STORAGE_KEY, saved);
    } else {
      Taro.removeStorageSync(STORAGE_KEY);
    }
  } catch {
    // Storage full or unavailable: the session still lives in memory for this run.
  }
  for (const listener of listeners) listener();
}

/** The one session (token + Me) of the app, persisted in Taro storage. Snapshots are immutable. */
export const sessionStore = {
  get(): SessionState {
    if (!state) state = readStorage();
    return state;
  },
  token(): string | undefined {
    return sessionStore.get().token;
  },
  setSession(session: Session): void {
    write({ token: session.token, expiresAt: session.expiresAt, me: session.me });
  },
  setMe(me: Me): void {
    const current = sessionStore.get();
    if (!current.token) return;
    write({ ...current, me });
  },
  /** Forget the token. `signedOut` marks a deliberate 退出登录 (no automatic login afterwards). */
  clear(options: { signedOut?: boolean } = {}): void {
    write(options.signedOut ? { signedOut: true } : {});
  },
  /** Re-read storage (used by tests and after storage changes outside the store). */
  reload(): void {
    state = readStorage();
    for (const listener of listeners) listener();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};
