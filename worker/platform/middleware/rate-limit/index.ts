import type { Context, MiddlewareHandler } from 'hono';
import { refuse } from '../../../core/refusals.ts';
import type { AppEnv } from '../../env.ts';
import type { Database } from '../../storage/database.ts';
import { countHit, hitsSoFar, hitStatement, windowOf, type Limit } from '../../storage/rate-limits.ts';

export type { Limit };

export interface RateLimitOptions extends Limit {
  /** Who is counted; by default the client address (the API counts per token instead). */
  key?: (c: Context<AppEnv>) => string;
}

const clientAddress = (c: Context) => c.req.header('cf-connecting-ip') ?? 'unknown';

/**
 * Counts only failures, per client address (or the `client` given: one counter for everyone
 * guessing at one municipality's codes), in the directory. Once `limit` failures are counted
 * in the window, the next try is refused (429) before it is checked, so a right guess then goes
 * unconfirmed too. Returns what to call when this attempt fails.
 */
export async function limitFailures<E extends AppEnv>(c: Context<E>, limit: Limit, client = clientAddress(c)): Promise<() => Promise<void>> {
  const { now, directory } = c.var as AppEnv['Variables'];
  enforce(c, limit, (await hitsSoFar(directory.database, limit, client, now)) + 1, now);
  return async () => {
    await countHit(directory.database, limit, client, now);
  };
}

/** Refuses with 429 and Retry-After once the count is past the limit. */
export function enforce(c: Context, limit: Limit, count: number, now: Date) {
  if (count <= limit.limit) return;
  const window = windowOf(limit, now);
  c.header('retry-after', String(Math.ceil((window.start + window.ms - now.getTime()) / 1000)));
  refuse('tooManyRequests');
}

/** The counter statement a journey request carries in its read, keyed by the client's address. */
export const journeyHit = (c: Context, database: Database, limit: Limit, now: Date) => hitStatement(database, limit, clientAddress(c), now);

/**
 * A fixed-window limit per client, counted in the directory, for routes that do not read a
 * municipality's database first (sign-in, personal links, the API).
 */
export const rateLimit = ({ key, ...limit }: RateLimitOptions): MiddlewareHandler<AppEnv> => async (c, next) => {
  const { now, directory } = c.var;
  enforce(c, limit, await countHit(directory.database, limit, key?.(c) ?? clientAddress(c), now), now);
  await next();
};
