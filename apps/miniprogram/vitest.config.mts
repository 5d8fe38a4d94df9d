import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Page tests: real pages, real API client and contract; only Taro itself is mocked.
export default defineProject({
  resolve: {
    alias: {
      '@tarojs/taro': here('./test/mocks/taro.ts'),
      '@tarojs/components': here('./test/mocks/components.tsx'),
    },
  },
  // The build-time constants of config/index.ts.
  define: {
    CX_BUILD_API_BASE: JSON.stringify('https://api.test.invalid'),
    CX_BUILD_DEV_LOGIN: 'false',
    // Vitest puts plain defines on globalThis, so a test may vi.stubGlobal a template id.
    CX_BUILD_REMINDER_TEMPLATE_ID: JSON.stringify(''),
  },
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  test: {
    name: 'miniprogram',
    environment: 'happy-dom',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    setupFiles: ['test/setup.ts'],
    // A page journey waits on several debounced saves, each up to asyncUtilTimeout (5 s, test/setup.ts);
    // the default 5 s per test fails them on a loaded 2-core runner.
    testTimeout: 20_000,
  },
});
