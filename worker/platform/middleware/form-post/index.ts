import type { Context, MiddlewareHandler } from 'hono';
import { refuse } from '../../../core/refusals.ts';

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;
const URLENCODED = /^application\/x-www-form-urlencoded\b/i;
const MULTIPART = /^multipart\/form-data\b/i;
/** The labels the Encoding Standard gives UTF-8 in a charset parameter. */
const UTF8 = /^(utf-?8|unicode-1-1-utf-8)$/i;

/** A Content-Type header's parameters, names in lower case, quotes removed. */
const parameters = (type: string) => new Map([...type.matchAll(/;\s*([^\s=;]+)\s*=\s*(?:"([^"]*)"|([^\s;]*))/g)].map((match) => [match[1]!.toLowerCase(), match[2] ?? match[3] ?? '']));

/**
 * Pages accept only what an HTML form sends; anything else is refused before it is read.
 * An urlencoded body in another charset than UTF-8 is a format the pages do not support (415,
 * like any other unsupported type): its bytes would be read as the wrong letters. Multipart
 * without a boundary is a malformed request (400): nothing in it can be told apart.
 */
export const formPostsOnly = (): MiddlewareHandler => async (c, next) => {
  if (c.req.method === 'POST') {
    const type = c.req.header('content-type') ?? '';
    if (!FORM_TYPES.test(type)) refuse('unsupportedContentType');
    const charset = parameters(type).get('charset');
    if (URLENCODED.test(type) && charset !== undefined && !UTF8.test(charset)) refuse('unsupportedCharset');
    if (MULTIPART.test(type) && !parameters(type).get('boundary')) refuse('formNoBoundary');
  }
  await next();
};

/** Each request's form, read once: the journey's middleware and its route may both ask. */
const read = new WeakMap<Request, Promise<ReadonlyMap<string, string[]>>>();

/**
 * Reads a posted form into name → values. Refuses what cannot be read exactly as it was sent
 * (a broken percent-escape or bytes that are not UTF-8 would otherwise be saved altered, and a
 * multipart body cut off or not matching its boundary would otherwise be a 500) and files.
 */
export function readForm(c: Context): Promise<ReadonlyMap<string, string[]>> {
  let form = read.get(c.req.raw);
  if (!form) read.set(c.req.raw, (form = parseForm(c)));
  return form;
}

async function parseForm(c: Context): Promise<Map<string, string[]>> {
  // Read outside the parsing below, so a body over the size limit still ends as a 413.
  const bytes = await c.req.arrayBuffer();
  if (URLENCODED.test(c.req.header('content-type') ?? '')) return urlencoded(bytes);
  let body: Record<string, string | File | (string | File)[]>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch {
    refuse('formIncomplete');
  }
  const fields = new Map<string, string[]>();
  for (const [name, value] of Object.entries(body)) {
    const values = Array.isArray(value) ? value : [value];
    if (values.some((item) => typeof item !== 'string')) refuse('filesNotAccepted');
    fields.set(name, values as string[]);
  }
  return fields;
}

/**
 * URLSearchParams parses as browsers send, but turns a broken escape into "%" or U+FFFD
 * silently; decodeURIComponent throws on exactly those, and an escape never spans "&" or "=".
 */
function urlencoded(bytes: ArrayBuffer): Map<string, string[]> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    refuse('formUnreadableCharacters');
  }
  const fields = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(text)) fields.set(name, [...(fields.get(name) ?? []), value]);
  return fields;
}
