import { createApp } from './platform/app.tsx';
import type { Env } from './platform/env.ts';
import { deliverAll } from './platform/outbox/deliver-all.ts';
import { purgeAll } from './platform/scheduled.ts';

const app = createApp();

/** The crons in wrangler.toml: every minute, and the nightly clean-up. */
const EVERY_MINUTE = '* * * * *';

export default {
  fetch: app.fetch,
  /** Every minute: due mail and text messages are sent. Nightly: expired drafts and old rate-limit counters are deleted, in every database. */
  async scheduled(controller, env) {
    if (controller.cron === EVERY_MINUTE) await deliverAll(env, new Date());
    else await purgeAll(env, new Date());
  },
} satisfies ExportedHandler<Env>;
