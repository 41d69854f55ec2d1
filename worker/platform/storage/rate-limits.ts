import { and, eq, lt, sql } from 'drizzle-orm';
import { sha256Hex } from '../../core/secrets.ts';
import { DAY_MS } from '../../core/vocabulary.ts';
import type { Database, Statement } from './database.ts';
import { rateLimits } from './tables.ts';

export interface Limit {
  /** Names the counter, so limits on different actions never add up. */
  bucket: string;
  /** Requests allowed per window from one client. */
  limit: number;
  windowSeconds: number;
}

export const windowOf = (limit: Limit, now: Date) => {
  const ms = limit.windowSeconds * 1000;
  return { start: Math.floor(now.getTime() / ms) * ms, ms };
};

/**
 * The statement that counts one hit in a fixed window and returns the count so far, so a
 * request can carry it in the batch it reads with. Only a hash of bucket and client is stored.
 * (Wrapped in an object: a query returned from an async function would be run, not returned.)
 */
export async function hitStatement(database: Database, limit: Limit, client: string, now: Date): Promise<{ statement: Statement }> {
  const key = await sha256Hex(`${limit.bucket}:${client}`);
  const statement = database.db
    .insert(rateLimits)
    .values({ key, windowStart: windowOf(limit, now).start, count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  return { statement };
}

/** Counts one hit on its own and returns the count so far. */
export async function countHit(database: Database, limit: Limit, client: string, now: Date): Promise<number> {
  const [counted] = await database.commit([(await hitStatement(database, limit, client, now)).statement]);
  return (counted as { count: number }[])[0]?.count ?? 1;
}

/** The count so far in the current window, without counting. */
export async function hitsSoFar(database: Database, limit: Limit, client: string, now: Date): Promise<number> {
  const key = await sha256Hex(`${limit.bucket}:${client}`);
  const [row] = await database.db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, windowOf(limit, now).start)));
  return row?.count ?? 0;
}

/** Rate-limit windows are useless after a day; keeping hashed addresses longer is not. */
export const purgeRateLimits = (database: Database, now: Date): Statement => database.db.delete(rateLimits).where(lt(rateLimits.windowStart, now.getTime() - DAY_MS));
