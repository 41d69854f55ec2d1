import { createApp } from './platform/app.tsx';
import type { Env } from './platform/env.ts';
import { purgeAll } from './platform/storage/open.ts';

const app = createApp();

export default {
  fetch: app.fetch,
  /** Nightly: expired drafts and old rate-limit counters are deleted, in every database. */
  async scheduled(_controller, env) {
    await purgeAll(env, new Date());
  },
} satisfies ExportedHandler<Env>;
