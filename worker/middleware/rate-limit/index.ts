import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../env.ts';
import { sha256Hex } from '../../journey/codes.ts';

export interface RateLimitOptions {
  /** Names the counter, so limits on different actions never add up. */
  bucket: string;
  /** Requests allowed per window from one address. */
  limit: number;
  windowSeconds: number;
  /** Who is counted; by default the client address (the API counts per token instead). */
  key?: (c: Context<AppEnv>) => string;
}

const clientAddress = (c: Context) => c.req.header('cf-connecting-ip') ?? 'unknown';

/** The counter of one client in the current window. Only a hash of bucket and client is stored. */
async function windowOf(now: Date, bucket: string, windowSeconds: number, who: string) {
  const windowMs = windowSeconds * 1000;
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  return { key: await sha256Hex(`${bucket}:${who}`), start, retryAfter: Math.ceil((start + windowMs - now.getTime()) / 1000) };
}

function tooMany(c: Context, retryAfter: number): never {
  c.header('retry-after', String(retryAfter));
  throw new HTTPException(429, { message: 'tooManyRequests' });
}

/** A fixed-window limit per client address; windows older than a day are deleted nightly. */
export const rateLimit = (options: RateLimitOptions): MiddlewareHandler<AppEnv> => async (c, next) => {
  const window = await windowOf(c.var.now, options.bucket, options.windowSeconds, options.key?.(c) ?? clientAddress(c));
  if ((await c.var.directory.hit(window.key, window.start)) > options.limit) tooMany(c, window.retryAfter);
  await next();
};

/**
 * Counts only failures, per client address. A client that has failed `limit` times in the
 * window is refused (429) before it may try again, so a right guess then goes unconfirmed too.
 * Returns what to call when this attempt fails.
 */
export async function limitFailures<E extends AppEnv>(c: Context<E>, { bucket, limit, windowSeconds }: Omit<RateLimitOptions, 'key'>): Promise<() => Promise<void>> {
  const window = await windowOf(c.var.now, bucket, windowSeconds, clientAddress(c));
  if ((await c.var.directory.hits(window.key, window.start)) >= limit) tooMany(c, window.retryAfter);
  return async () => {
    await c.var.directory.hit(window.key, window.start);
  };
}
