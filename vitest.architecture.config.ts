import { defineConfig } from 'vitest/config';

// Reads the source tree with Node: the import rules between layers.
export default defineConfig({
  test: { include: ['test/architecture/**/*.test.ts'], environment: 'node' },
});
