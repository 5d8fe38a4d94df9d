import { useCallback, useEffect, useRef, useState } from 'react';
import { devLoginAvailable, isH5 } from '../../../config/runtime-config';
import { useSession } from '../../../hooks/use-session';
import { loginWithWechat } from '../../../services/api';
import { type Failure, toFailure } from '../../../services/api-failure';

export type SignIn = { kind: 'ready' } | { kind: 'pending' } | { kind: 'failed'; failure: Failure; retry: () => void } | { kind: 'needed' };

/**
 * The mailbox is often opened straight from a community's QR code or a shared link, before home has
 * logged in. In WeChat the page logs in silently itself (any WeChat user may write and read 微权说廉);
 * in H5, in a demo-login build, or after 退出登录 it asks the user to sign in from home.
 */
export function useSignedIn(): SignIn {
  const session = useSession();
  const [failure, setFailure] = useState<Failure>();
  const silent = !session.token && !session.signedOut && !isH5() && !devLoginAvailable();
  /** Drops the failure of a login the page no longer waits for. */
  const cancel = useRef<() => void>(undefined);

  const login = useCallback(() => {
    cancel.current?.();
    let live = true;
    cancel.current = () => {
      live = false;
    };
    setFailure(undefined);
    loginWithWechat().catch((err: unknown) => {
      if (live) setFailure(toFailure(err));
    });
  }, []);

  useEffect(() => {
    if (!silent) return undefined;
    login();
    return () => cancel.current?.();
  }, [silent, login]);

  if (session.token) return { kind: 'ready' };
  if (!silent) return { kind: 'needed' };
  if (failure) return { kind: 'failed', failure, retry: login };
  return { kind: 'pending' };
}
