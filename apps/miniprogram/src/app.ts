import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { sessionStore } from './services/session-store';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Read the saved session once, before the first page asks for it.
    sessionStore.get();
  });

  // children is the page being rendered.
  return children;
}

export default App;
