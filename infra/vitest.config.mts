import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'infra',
    include: ['test/**/*.test.ts'],
    // Synthesising CDK stacks is CPU-bound; keep a wide margin on slow machines.
    testTimeout: 60_000,
  },
});
