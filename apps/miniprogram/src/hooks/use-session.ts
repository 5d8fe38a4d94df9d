import { useSyncExternalStore } from 'react';
import { type SessionState, sessionStore } from '../services/session-store';

/** The current session; re-renders when it changes (login, switch user, 退出登录). */
export function useSession(): SessionState {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get, sessionStore.get);
}
