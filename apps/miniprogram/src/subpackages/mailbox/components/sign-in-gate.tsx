import type { ReactNode } from 'react';
import { SignInNeeded } from '../../../components/sign-in-needed';
import { ErrorView, LoadingView } from '../../../components/state-views';
import type { SignIn } from '../services/use-signed-in';

/** Renders the page once a session exists; logs in silently in WeChat first (see useSignedIn). */
export function SignInGate({ signIn, children }: { signIn: SignIn; children: () => ReactNode }) {
  switch (signIn.kind) {
    case 'ready':
      return <>{children()}</>;
    case 'pending':
      return <LoadingView text="正在登录…" />;
    case 'failed':
      return <ErrorView failure={signIn.failure} onRetry={signIn.retry} />;
    case 'needed':
      return <SignInNeeded />;
  }
}
