import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/** Pages accept only what an HTML form sends; anything else is refused before it is read. */
export const formPostsOnly = (): MiddlewareHandler => async (c, next) => {
  if (c.req.method === 'POST' && !FORM_TYPES.test(c.req.header('content-type') ?? '')) {
    throw new HTTPException(415, { message: 'unsupportedContentType' });
  }
  await next();
};

/** Reads a form body into name → values; files are never accepted. */
export async function readFormBody(body: Record<string, string | File | (string | File)[]>): Promise<Map<string, string[]>> {
  const fields = new Map<string, string[]>();
  for (const [name, value] of Object.entries(body)) {
    const values = Array.isArray(value) ? value : [value];
    if (values.some((item) => typeof item !== 'string')) throw new HTTPException(400, { message: 'filesNotAccepted' });
    fields.set(name, values as string[]);
  }
  return fields;
}
