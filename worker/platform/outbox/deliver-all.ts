import type { Env } from '../env.ts';
import { municipalityBinding, openDirectory } from '../storage/open.ts';
import { deliverPending } from './deliver.ts';
import { type Providers, providersFor } from './providers.ts';

/** Every minute: due messages in `DB` (sign-in mail) and in every municipality's database, each database once. */
export async function deliverAll(env: Env, now: Date, providers: Providers = providersFor(env)) {
  const databases = new Map<string, D1Database>([['DB', env.DB]]);
  for (const municipality of await openDirectory(env).municipalities()) databases.set(municipality.database, municipalityBinding(env, municipality));
  // One database failing must not hold back the others' mail.
  const results = await Promise.allSettled([...databases.values()].map((database) => deliverPending(database, providers, now)));
  const failed = results.filter((result) => result.status === 'rejected').length;
  if (failed) throw new Error(`message delivery failed in ${failed} database(s)`);
}

/**
 * For a request that has just committed a batch with a message in it: send right away, after
 * the response, instead of waiting for the minute cron. A failure here is left to the cron.
 */
export function deliverSoon(ctx: { waitUntil(promise: Promise<unknown>): void }, env: Env, database: D1Database, now: Date, providers: Providers = providersFor(env)) {
  ctx.waitUntil(
    deliverPending(database, providers, now).then(
      () => undefined,
      () => console.error('[outbox] delivery after the request failed; the minute cron will try again'),
    ),
  );
}
