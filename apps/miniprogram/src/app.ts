import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { installH5Accessibility } from './services/h5-accessibility';
import { registerOfflineShell } from './services/offline-shell';
import { privacyGate } from './services/privacy-gate';
import { sessionStore } from './services/session-store';
import { textSize } from './services/text-size';
import './app.css';
import './a11y.css';

// The H5 build's offline shell; inline tests, so the weapp build and dev:h5 leave it out.
if (process.env.TARO_ENV === 'h5' && process.env.NODE_ENV === 'production') registerOfflineShell();
// Landmarks, page headings and Taro's buttons as real buttons (H5 only; see the file).
if (process.env.TARO_ENV === 'h5') installH5Accessibility();

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Read the saved session once, before the first page asks for it.
    sessionStore.get();
    // 大字: WeChat's font setting unless the reader chose in 我的; H5 styles the root at once.
    textSize.install();
    // Our own 隐私保护指引 popup answers WeChat's privacy checks (app.config: __usePrivacyCheck__).
    privacyGate.install();
  });

  // children is the page being rendered.
  return children;
}

export default App;
