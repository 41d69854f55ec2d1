import type { D1Migration } from 'cloudflare:test';
import type { Env } from '../../worker/platform/env.ts';

// The test-only bindings of vitest.config.ts, beside the generated ones (worker-configuration.d.ts).
// They are typed for the tests alone: tsconfig.worker.json checks the Worker without them.
declare global {
  namespace Cloudflare {
    interface Env {
      DB_SECOND: D1Database;
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}
export type { Env };
