import { and, eq, lt, sql, type SQL } from 'drizzle-orm';
import { sha256Hex } from '../../core/secrets.ts';
import { DAY_MS } from '../../core/vocabulary.ts';
import type { Database, Statement } from './database.ts';
import { preparedQuery, type Bound } from './prepared.ts';
import { withRetry } from './retry.ts';
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

const hit = preparedQuery<{ key: string; windowStart: number }, { count: number }[]>((db) =>
  db
    .insert(rateLimits)
    .values({ key: sql.placeholder('key'), windowStart: sql.placeholder('windowStart'), count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count })
    .prepare(),
);

/**
 * The statement that counts one hit in a fixed window and returns the count so far, so a
 * request can carry it in the batch it reads with. Only a hash of bucket and client is stored.
 */
export async function hitStatement(database: Database, limit: Limit, client: string, now: Date): Promise<Bound<{ count: number }[]>> {
  return hit(database.db, { key: await sha256Hex(`${limit.bucket}:${client}`), windowStart: windowOf(limit, now).start });
}

/** A hit not yet counted, to be carried by the batch of the write it allows. */
export interface PendingHit {
  limit: Limit;
  hit: Bound<{ count: number }[]>;
}

/**
 * What a write carrying `hit` earlier in its batch adds to its guard: the count, as that hit
 * left it, is within the limit. A request over the limit then changes nothing.
 */
export const withinLimit = (limit: Limit, hit: Bound<{ count: number }[]>): SQL =>
  sql`(select ${rateLimits.count} from ${rateLimits} where ${rateLimits.key} = ${hit.values.key} and ${rateLimits.windowStart} = ${hit.values.windowStart}) <= ${limit.limit}`;

/** Counts one hit on its own and returns the count so far. */
export async function countHit(database: Database, limit: Limit, client: string, now: Date): Promise<number> {
  const statement = await hitStatement(database, limit, client, now);
  const [counted] = await withRetry(() => database.run([statement]));
  return counted[0]?.count ?? 1;
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
