import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { registerOfflineShell } from './services/offline-shell';
import { privacyGate } from './services/privacy-gate';
import { sessionStore } from './services/session-store';
import './app.css';

// The H5 build's offline shell; inline tests, so the weapp build and dev:h5 leave it out.
if (process.env.TARO_ENV === 'h5' && process.env.NODE_ENV === 'production') registerOfflineShell();

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Read the saved session once, before the first page asks for it.
    sessionStore.get();
    // Our own 隐私保护指引 popup answers WeChat's privacy checks (app.config: __usePrivacyCheck__).
    privacyGate.install();
  });

  // children is the page being rendered.
  return children;
}

export default App;
