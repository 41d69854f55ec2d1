/** A tiny browser-like HTTP client: plain fetch, a cookie jar, and 303s followed as GETs. */

export interface Fetched {
  status: number;
  /** Where the body came from, after redirects. */
  url: string;
  body: string;
  contentType: string;
  /** The encoding the server chose on the wire (wrangler dev gzips). */
  contentEncoding: string;
  /** Time to the response headers, unthrottled, for the last request. */
  ms: number;
}

export class Client {
  private readonly cookies = new Map<string, string>();

  /** `headers` go with every request (the load test gives each simulated child an address). */
  constructor(
    readonly baseURL: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  cookieEntries(): [string, string][] {
    return [...this.cookies];
  }

  private remember(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      if (at < 1) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', raw = ''] = attribute.split('=').map((part) => part.trim());
        if (/^max-age$/i.test(key)) return Number(raw) <= 0;
        if (/^expires$/i.test(key)) return Date.parse(raw) <= Date.now();
        return false;
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(this.headers)) headers.set(name, value);
    headers.set('accept-encoding', 'gzip, br');
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(new URL(path, this.baseURL), { ...init, headers, redirect: 'manual', signal: AbortSignal.timeout(15_000) });
    this.remember(response.headers);
    return response;
  }

  /** GET, following redirects. */
  get(path: string): Promise<Fetched> {
    return this.follow(path, { method: 'GET' });
  }

  /** POST as an HTML form does (same-origin, urlencoded), following the 303 that answers it. */
  post(path: string, fields: [string, string][] = []): Promise<Fetched> {
    return this.follow(path, {
      method: 'POST',
      headers: { origin: new URL(this.baseURL).origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }

  private async follow(path: string, init: RequestInit): Promise<Fetched> {
    let target = path;
    let request = init;
    for (let hops = 0; hops < 5; hops++) {
      const started = performance.now();
      const response = await this.send(target, request);
      const ms = performance.now() - started;
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.arrayBuffer();
        target = new URL(location, new URL(target, this.baseURL)).toString();
        request = { method: 'GET' };
        continue;
      }
      // A POST answered with the next page (the page script's way) says where that page lives.
      const located = response.headers.get('content-location');
      return {
        status: response.status,
        url: new URL(located ?? target, new URL(target, this.baseURL)).toString(),
        body: await response.text(),
        contentType: response.headers.get('content-type') ?? '',
        contentEncoding: response.headers.get('content-encoding') ?? 'identity',
        ms,
      };
    }
    throw new Error(`too many redirects from ${path}`);
  }
}

/**
 * The hidden fields of a page's form (a question page's snapshot of the draft), which a browser
 * sends along with what the person answered.
 */
export function hiddenFields(html: string): [string, string][] {
  const fields: [string, string][] = [];
  for (const [tag] of html.matchAll(/<input\b[^>]*\btype="hidden"[^>]*>/g)) {
    const name = tag.match(/\sname="([^"]*)"/)?.[1];
    if (name) fields.push([name, (tag.match(/\svalue="([^"]*)"/)?.[1] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&')]);
  }
  return fields;
}
