/** The API's body rule: JSON only, parsed once, a broken body refused as a whole. */
import type { Context, MiddlewareHandler } from 'hono';
import { refuse } from '../../core/refusals.ts';

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/**
 * Refuses a POST that is not JSON, before it is read. Browsers cannot send JSON to another
 * site without a CORS preflight (which this app never allows), so this also keeps cross-site
 * forms away from the API, whose bearer tokens they could not carry anyway.
 */
export const jsonPostsOnly = (): MiddlewareHandler => async (c, next) => {
  if (c.req.method === 'POST' && !JSON_TYPE.test(c.req.header('content-type') ?? '')) {
    refuse('apiJsonOnly');
  }
  await next();
};

/** The body as a JSON object; anything else (an array, a number, broken JSON) is a 400. */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const body: unknown = await c.req.json().catch(() => undefined);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) refuse('badRequest');
  return body as Record<string, unknown>;
}
