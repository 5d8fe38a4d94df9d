import { defineConfig } from 'vitest/config';

// Browser journeys: the real H5 build in Debian Chromium against the local stack (DynamoDB Local + API).
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
