import { createApp } from './app.tsx';
import type { Env } from './env.ts';
import { D1Store } from './storage/d1-store.ts';

const app = createApp();

export default {
  fetch: app.fetch,
  /** Nightly: expired drafts and old rate-limit counters are deleted. */
  async scheduled(_controller, env) {
    await new D1Store(env.DB).purgeExpired(new Date());
  },
} satisfies ExportedHandler<Env>;
