import { createApp } from './platform/app.tsx';
import type { Env } from './platform/env.ts';
import { deliverAll } from './platform/outbox/deliver-all.ts';
import { publishNext, purgeAll } from './platform/scheduled.ts';

const app = createApp();

/** The crons in wrangler.toml: every minute, every quarter of an hour, and the nightly clean-up. */
const EVERY_MINUTE = '* * * * *';
const QUARTERLY = '*/15 * * * *';

export default {
  fetch: app.fetch,
  /**
   * Every minute: due mail and text messages are sent. Every quarter of an hour: a closed
   * user-insight round is published and stored. Nightly: expired drafts and old rate-limit
   * counters are deleted, in every database.
   */
  async scheduled(controller, env) {
    if (controller.cron === EVERY_MINUTE) await deliverAll(env, new Date());
    else if (controller.cron === QUARTERLY) await publishNext(env, new Date());
    else await purgeAll(env, new Date());
  },
} satisfies ExportedHandler<Env>;
