import { defineConfig } from 'vitest/config';

// One runner for every workspace; each project keeps its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: ['packages/shared', 'apps/functions', 'infra', 'apps/miniprogram'],
  },
});
