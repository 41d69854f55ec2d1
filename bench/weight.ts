/**
 * Page weight: walks the child's journey through the demo form with a cookie jar and, for
 * every page a respondent sees, compresses the HTML and each stylesheet and script it
 * references, as Cloudflare would serve them (gzip and brotli, at their strongest settings).
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Client, type Fetched } from './http.ts';

export const FORM = '/m/demo/barnets-stemme-7-12';

/** The quality targets: everything a page needs, and all JavaScript, compressed. */
export const BUDGET = { totalGzip: 20_480, jsGzip: 15_360 } as const;

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface Asset extends Sizes {
  url: string;
  kind: 'css' | 'js';
}

export interface PageWeight {
  label: string;
  path: string;
  status: number;
  html: Sizes;
  /** Stylesheets and scripts the page references, each compressed on its own (as served). */
  assets: Asset[];
  /** Inline <script> text, already counted in the HTML, also counted here towards the JS budget. */
  inlineJs: Sizes;
  css: Sizes;
  js: Sizes;
  total: Sizes;
  /** Which budgets the page breaks (empty when within budget). */
  over: string[];
}

export const sizes = (text: string): Sizes => {
  const bytes = Buffer.from(text, 'utf8');
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
};

const add = (...all: Sizes[]): Sizes => all.reduce((sum, item) => ({ raw: sum.raw + item.raw, gzip: sum.gzip + item.gzip, brotli: sum.brotli + item.brotli }), { raw: 0, gzip: 0, brotli: 0 });

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((value) => value !== undefined);

/** The stylesheets and scripts an HTML page loads, and the text of any inline scripts. */
export function references(html: string, pageURL: string): { css: string[]; js: string[]; inlineJs: string } {
  const css: string[] = [];
  const js: string[] = [];
  let inlineJs = '';
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = attribute(tag, 'href');
    if (href && /(^|\s)stylesheet(\s|$)/i.test(attribute(tag, 'rel') ?? '')) css.push(new URL(href, pageURL).toString());
  }
  for (const [, open = '', body = ''] of html.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/gi)) {
    const src = attribute(open, 'src');
    const type = attribute(open, 'type') ?? '';
    if (src) js.push(new URL(src, pageURL).toString());
    else if (!type || /javascript|module/i.test(type)) inlineJs += body;
  }
  return { css, js, inlineJs };
}

/** Measures pages as they are fetched; stylesheets and scripts are fetched once and reused. */
class Weigher {
  readonly pages: PageWeight[] = [];
  private readonly assetCache = new Map<string, Promise<string>>();

  constructor(private readonly client: Client) {}

  private asset(url: string): Promise<string> {
    let text = this.assetCache.get(url);
    if (!text) {
      text = fetch(url, { signal: AbortSignal.timeout(15_000) }).then(async (response) => {
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return response.text();
      });
      this.assetCache.set(url, text);
    }
    return text;
  }

  async record(label: string, fetched: Fetched, expect: { path: string; status?: number }): Promise<void> {
    const path = new URL(fetched.url).pathname;
    if (path !== expect.path || fetched.status !== (expect.status ?? 200)) {
      throw new Error(`journey went wrong at "${label}": expected ${expect.status ?? 200} at ${expect.path}, got ${fetched.status} at ${path}`);
    }
    if (!/text\/html/i.test(fetched.contentType)) throw new Error(`"${label}" is not HTML: ${fetched.contentType}`);
    const refs = references(fetched.body, fetched.url);
    const assets: Asset[] = [];
    for (const [kind, urls] of [['css', refs.css], ['js', refs.js]] as const) {
      for (const url of urls) assets.push({ url: new URL(url).pathname, kind, ...sizes(await this.asset(url)) });
    }
    const html = sizes(fetched.body);
    const inlineJs = refs.inlineJs.trim() ? sizes(refs.inlineJs) : { raw: 0, gzip: 0, brotli: 0 };
    const css = add(...assets.filter((asset) => asset.kind === 'css'));
    const js = add(inlineJs, ...assets.filter((asset) => asset.kind === 'js'));
    const total = add(html, ...assets);
    const over: string[] = [];
    if (total.gzip > BUDGET.totalGzip) over.push(`total gzip ${total.gzip} B > ${BUDGET.totalGzip} B`);
    if (total.brotli > BUDGET.totalGzip) over.push(`total brotli ${total.brotli} B > ${BUDGET.totalGzip} B`);
    if (js.gzip > BUDGET.jsGzip) over.push(`JS gzip ${js.gzip} B > ${BUDGET.jsGzip} B`);
    if (js.brotli > BUDGET.jsGzip) over.push(`JS brotli ${js.brotli} B > ${BUDGET.jsGzip} B`);
    this.pages.push({ label, path, status: fetched.status, html, assets, inlineJs, css, js, total, over });
  }
}

export interface WeightResult {
  pages: PageWeight[];
  /** Every distinct script file the journey loads, compressed one by one and summed (inline scripts count per page). */
  allJs: Sizes & { files: string[] };
  /** Unthrottled loopback time to the first question page's response headers, in ms (context only). */
  questionPageServerMs: number[];
  withinBudget: boolean;
}

/** Walks the whole journey once; every respondent page is recorded in the order a child meets it. */
export async function measureWeights(baseURL: string): Promise<WeightResult> {
  const client = new Client(baseURL);
  const weigher = new Weigher(client);
  const at = (page: string) => `${FORM}${page}`;
  const cont = (...fields: [string, string][]): [string, string][] => [...fields, ['_action', 'continue']];

  await weigher.record('Start page', await client.get(FORM), { path: FORM });
  await weigher.record('Question: safe (first question, smiley scales)', await client.post(at('/start')), { path: at('/p/safe') });

  // How fast the app itself answers, without throttling; shows how much of the browser timings is the server.
  const questionPageServerMs: number[] = [];
  for (let i = 0; i < 7; i++) questionPageServerMs.push((await client.get(at('/p/safe'))).ms);

  await weigher.record('Question: people (yes/no + scale)', await client.post(at('/p/safe'), cont(['safe-home', '3'], ['safe-school', '2'], ['someone-hurts', 'no'])), { path: at('/p/people') });
  await weigher.record('Question: good (long texts)', await client.post(at('/p/people'), cont(['trusted-adult', 'yes'], ['good-friend', 'yes'], ['listened-to', '2'])), { path: at('/p/good') });
  await weigher.record('Question: hard (long text + checkboxes)', await client.post(at('/p/good'), cont(['what-is-good', 'Fotball.'])), { path: at('/p/hard') });
  await weigher.record('Question: next (long texts + checkboxes)', await client.post(at('/p/hard'), cont(['who-worries', 'nobody'])), { path: at('/p/next') });
  await weigher.record('Save page', await client.post(at('/p/next'), [['adults-should-know', 'Mer tid ute, takk.'], ['_action', 'save-later']]), { path: at('/save') });
  await weigher.record('Save page with resume code', await client.post(at('/save')), { path: at('/save') });
  await weigher.record('Check answers', await client.get(at('/check')), { path: at('/check') });
  await weigher.record('Confirmation', await client.post(at('/submit')), { path: at('/done') });
  await weigher.record('Resume page', await new Client(baseURL).get(at('/resume')), { path: at('/resume') });

  const scripts = new Map<string, Sizes>();
  for (const page of weigher.pages) for (const asset of page.assets) if (asset.kind === 'js') scripts.set(asset.url, asset);
  const allJs = { ...add(...scripts.values()), files: [...scripts.keys()] };
  const withinBudget = weigher.pages.every((page) => page.over.length === 0) && allJs.gzip <= BUDGET.jsGzip;
  return { pages: weigher.pages, allJs, questionPageServerMs, withinBudget };
}
