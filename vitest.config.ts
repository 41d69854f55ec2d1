import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Unit and integration tests run inside the Workers runtime, against a local D1.
export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        // A test-only binding, so the setup file can apply the real migrations.
        bindings: { TEST_MIGRATIONS: await readD1Migrations('migrations'), ENVIRONMENT: 'development', DIRECTORY_CACHE_SECONDS: '0' },
        // A second database, to prove a municipality can live in a database of its own.
        d1Databases: ['DB_SECOND'],
      },
    }),
  ],
  resolve: {
    // The Worker's forms, plus the fixture forms of test/fixtures/forms/ (never in a real build).
    alias: [{ find: /^(\.\.\/)+generated\/forms\.ts$/, replacement: fileURLToPath(new URL('./test/fixtures/served-forms.ts', import.meta.url)) }],
  },
  test: {
    include: ['test/worker/**/*.test.ts', 'test/worker/**/*.test.tsx'],
    setupFiles: ['./test/worker/setup.ts'],
  },
}));
