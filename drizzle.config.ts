import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations into migrations/, which wrangler and the tests apply.
export default defineConfig({
  dialect: 'sqlite',
  schema: ['./worker/platform/storage/tables.ts', './worker/platform/outbox/tables.ts', './worker/features/*/tables.ts'],
  out: './migrations',
});
