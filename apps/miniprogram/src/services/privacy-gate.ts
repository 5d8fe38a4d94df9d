import { type PrivacyPrompt, wechatPlatform } from './wechat-platform';

type Listener = () => void;

let pending: PrivacyPrompt | undefined;
let installed = false;
const listeners = new Set<Listener>();

function set(next: PrivacyPrompt | undefined): void {
  pending = next;
  for (const l of listeners) l();
}

/**
 * The privacy authorization WeChat is waiting on, if any (`__usePrivacyCheck__`): installed once at launch;
 * the page on screen shows our popup (shared-ui/privacy-popup.tsx) while one is pending.
 */
export const privacyGate = {
  install(): void {
    if (installed) return;
    installed = true;
    wechatPlatform().onPrivacyNeeded((prompt) => {
      // A new request replaces an unanswered one; WeChat fails the old call.
      pending?.disagree();
      set(prompt);
    });
  },
  current(): PrivacyPrompt | undefined {
    return pending;
  },
  /** The user tapped our agree button (`open-type="agreePrivacyAuthorization"`, whose id WeChat checks). */
  agree(buttonId: string): void {
    pending?.agree(buttonId);
    set(undefined);
  },
  /** The user refused: the privacy API that asked fails, and its caller says why. */
  disagree(): void {
    pending?.disagree();
    set(undefined);
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  /** Tests: forget the listener and any pending request. */
  reset(): void {
    installed = false;
    pending = undefined;
    listeners.clear();
  },
};
