import type { D1Migration } from 'cloudflare:test';
import type { Env } from '../../worker/platform/env.ts';

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      DB_SECOND: D1Database;
      ENVIRONMENT: string;
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}
export type { Env };
