import { defineConfig } from 'vitest/config';

// Browser tests run in Node: they start `wrangler dev` (the real runtime, a fresh local D1)
// and drive Debian's Chromium with playwright-core.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/server.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
