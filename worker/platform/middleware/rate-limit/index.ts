import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../env.ts';
import { sha256Hex } from '../../../core/secrets.ts';

export interface RateLimitOptions {
  /** Names the counter, so limits on different actions never add up. */
  bucket: string;
  /** Requests allowed per window from one address. */
  limit: number;
  windowSeconds: number;
  /** Who is counted; by default the client address (the API counts per token instead). */
  key?: (c: Context<AppEnv>) => string;
}

/**
 * A fixed-window limit per client address. Only a hash of bucket and address is stored, and
 * windows older than a day are deleted nightly.
 */
export const rateLimit = ({ bucket, limit, windowSeconds, key }: RateLimitOptions): MiddlewareHandler<AppEnv> => async (c, next) => {
  const address = key?.(c) ?? c.req.header('cf-connecting-ip') ?? 'unknown';
  const windowMs = windowSeconds * 1000;
  const windowStart = Math.floor(c.var.now.getTime() / windowMs) * windowMs;
  const count = await c.var.directory.hit(await sha256Hex(`${bucket}:${address}`), windowStart);
  if (count > limit) {
    c.header('retry-after', String(Math.ceil((windowStart + windowMs - c.var.now.getTime()) / 1000)));
    throw new HTTPException(429, { message: 'tooManyRequests' });
  }
  await next();
};
