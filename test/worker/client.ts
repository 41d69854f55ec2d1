/** A tiny browser stand-in for journey tests: keeps cookies, sends forms as a browser would. */
import { SELF } from 'cloudflare:test';

export const ORIGIN = 'https://medvirk.test';

export type Fetch = (request: Request) => Response | Promise<Response>;

export class Client {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly fetcher: Fetch = (request) => SELF.fetch(request),
    private readonly address = '203.0.113.10',
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('cf-connecting-ip', this.address);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await this.fetcher(new Request(new URL(path, ORIGIN), { ...init, headers, redirect: 'manual' }));
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  get(path: string) {
    return this.request(path);
  }

  /** Posts fields the way an HTML form does, from the same origin. */
  post(path: string, fields: [string, string][] | Record<string, string> = {}, headers: Record<string, string> = {}) {
    return this.request(path, {
      method: 'POST',
      body: new URLSearchParams(fields),
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  }
}

export const location = (response: Response) => new URL(response.headers.get('location') ?? '', ORIGIN).pathname;

/** The text of the page without tags, for asserting what a person reads. */
export const textOf = async (response: Response) =>
  (await response.text()).replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

const decoded = (value: string) => value.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * What a browser would send for the page's form as it stands: every input's name and value
 * (checkboxes and radios only when checked), and each textarea's text; `changes` then sets or,
 * with `null`, unticks fields, as a person would.
 */
export function formFields(html: string, changes: Record<string, string | null> = {}): [string, string][] {
  const fields = new Map<string, string>();
  for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
    const attribute = (name: string) => tag.match(new RegExp(`\\s${name}(?:="([^"]*)")?(?=[\\s/>])`));
    const name = attribute('name')?.[1];
    if (!name) continue;
    const type = attribute('type')?.[1] ?? 'text';
    if ((type === 'checkbox' || type === 'radio') && !attribute('checked')) continue;
    fields.set(name, decoded(attribute('value')?.[1] ?? ''));
  }
  for (const [, name, text] of html.matchAll(/<textarea\b[^>]*\bname="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) fields.set(name!, decoded(text!));
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) fields.delete(name);
    else fields.set(name, value);
  }
  return [...fields];
}
