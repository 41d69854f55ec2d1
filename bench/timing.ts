/**
 * Time to the first question, against a bare HTML page measured in the same run. Chromium
 * is slowed to an old phone on a poor connection (CPU ×4, slow 3G) through the DevTools
 * protocol, and each page is loaded in a fresh browser context.
 */
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { FORM } from './weight.ts';

/** Slow 3G on an old phone. Throughputs are bytes per second. */
export const THROTTLING = {
  cpuRate: 4,
  latencyMs: 400,
  downloadKbit: 400,
  uploadKbit: 400,
} as const;

/** A phone-sized window; the first answer must be within it or reachable by scrolling. */
const VIEWPORT = { width: 360, height: 640 };

/** The same flags as the browser tests (test/browser/browser.ts): the network is closed here. */
export const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
    timeout: 30_000,
  });

/**
 * The bare baseline: the app's own first question page with its stylesheet and script
 * removed, so the text, the radios and the HTML size are the same and only CSS/JS differ.
 */
export function bareHtml(appHtml: string): string {
  const bare = appHtml
    .replace(/<link\b[^>]*\brel=["']?stylesheet["']?[^>]*>/gi, '')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  if (!/<input\b[^>]*type=["']?radio/i.test(bare)) throw new Error('the baseline page has no radio input');
  return bare;
}

/** Serves one HTML page on loopback, gzipped like wrangler dev does when the browser accepts it. */
export async function serveBaseline(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const plain = Buffer.from(html, 'utf8');
  const gzipped = gzipSync(plain, { level: 9 });
  const server: Server = createServer((request, response) => {
    if (request.url !== '/') {
      response.writeHead(request.url === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    response.end(gzip ? gzipped : plain);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('baseline server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Runs in every page before its own scripts (CSP does not apply to it). Marks DOMContentLoaded,
 * and the first animation frame in which the first radio exists, has a box, is not hidden and
 * is what a tap on it would hit. Browsers run no animation frames while a render-blocking
 * stylesheet is loading, so this is also the first frame the child could see it in. Plain
 * JavaScript in a string: tsx would add helpers to a serialized function that the page lacks.
 */
const DETECTOR = `(() => {
  const marks = {};
  window.__bench = marks;
  document.addEventListener('DOMContentLoaded', () => { marks.dcl = performance.now(); }, { once: true });
  const tappable = (radio) => {
    const box = radio.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(radio).visibility === 'hidden') return false;
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    // Below the fold is still answerable: the child scrolls. Otherwise a tap must reach it.
    if (y < 0 || y > innerHeight || x < 0 || x > innerWidth) return true;
    const hit = document.elementFromPoint(x, y);
    return !!hit && (hit === radio || Array.from(radio.labels || []).some((label) => label.contains(hit)));
  };
  const frame = () => {
    const radio = document.querySelector('input[type="radio"]');
    if (radio && !radio.disabled && tappable(radio)) marks.answerable = performance.now();
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

/** Waits in the page until it has every mark; an expression, for the same reason as DETECTOR. */
const READ_MARKS = `new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('page did not report its timings')), 20000);
  const paint = (name) => { const entry = performance.getEntriesByName(name, 'paint')[0]; return entry ? entry.startTime : undefined; };
  const poll = () => {
    const marks = window.__bench || {};
    const fp = paint('first-paint');
    const fcp = paint('first-contentful-paint');
    if (marks.answerable !== undefined && marks.dcl !== undefined && fp !== undefined && fcp !== undefined) {
      clearTimeout(timer);
      resolve({ answerable: marks.answerable, dcl: marks.dcl, fp, fcp });
    } else setTimeout(poll, 50);
  };
  poll();
})`;

export interface Sample {
  /** Which page was loaded: the app's first question (cold or warm cache), or the bare baseline. */
  kind: Kind;
  iteration: number;
  /** In-page: first frame with the first radio present, visible and hit by a tap. */
  answerableMs: number;
  firstPaintMs: number;
  firstContentfulPaintMs: number;
  domContentLoadedMs: number;
  /** Playwright, on the Node clock: goto(commit) → radio visible → trial click passes. */
  playwrightMs: number;
}

export type Kind = 'app-cold' | 'app-warm' | 'baseline';

async function throttle(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLING.cpuRate });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: THROTTLING.latencyMs,
    downloadThroughput: (THROTTLING.downloadKbit * 1000) / 8,
    uploadThroughput: (THROTTLING.uploadKbit * 1000) / 8,
  });
}

/** Loads url in a throttled page and measures it. The page is already prepared (draft, cache). */
async function measure(context: BrowserContext, page: Page, url: string, kind: Kind, iteration: number): Promise<Sample> {
  await throttle(context, page);
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  const radio = page.locator('input[type="radio"]').first();
  await radio.waitFor({ state: 'visible' });
  await radio.click({ trial: true });
  const playwrightMs = performance.now() - started;

  const inPage = await page.evaluate<{ answerable: number; dcl: number; fp: number; fcp: number }>(READ_MARKS);
  const loaded = new URL(page.url());
  if (loaded.pathname !== new URL(url).pathname) throw new Error(`${kind}: expected ${url}, the browser is at ${page.url()}`);
  return {
    kind,
    iteration,
    answerableMs: inPage.answerable,
    firstPaintMs: inPage.fp,
    firstContentfulPaintMs: inPage.fcp,
    domContentLoadedMs: inPage.dcl,
    playwrightMs,
  };
}

async function freshPage(browser: Browser, baseURL?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport: VIEWPORT, serviceWorkers: 'block' });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(20_000);
  await context.addInitScript({ content: DETECTOR });
  return { context, page: await context.newPage() };
}

export interface TimingOptions {
  baseURL: string;
  baselineURL: string;
  iterations: number;
  /** Called after each measured load, for progress output. */
  onSample?: (sample: Sample) => void;
}

/**
 * N rounds; each round loads all three kinds once, the order rotating between rounds so no
 * kind always goes first (or last) while the machine is busier.
 */
export async function measureTimings(browser: Browser, options: TimingOptions): Promise<Sample[]> {
  const question = `${options.baseURL}${FORM}/p/safe`;
  const samples: Sample[] = [];
  const kinds: Kind[] = ['app-cold', 'baseline', 'app-warm'];

  const load: Record<Kind, (iteration: number) => Promise<Sample>> = {
    // Draft made over HTTP in this context (cookie jar shared with the pages), so the page's
    // stylesheet and script are not in its cache: the worst case, as on a first visit.
    'app-cold': async (iteration) => {
      const { context, page } = await freshPage(browser, options.baseURL);
      try {
        const started = await context.request.post(`${FORM}/start`, { form: {}, headers: { origin: options.baseURL }, maxRedirects: 0 });
        if (started.status() !== 303) throw new Error(`POST /start answered ${started.status()}`);
        return await measure(context, page, question, 'app-cold', iteration);
      } finally {
        await context.close();
      }
    },
    // As a child gets there: start page, then Start. The stylesheet and script are cached
    // (they are immutable), so only the HTML is loaded again.
    'app-warm': async (iteration) => {
      const { context, page } = await freshPage(browser, options.baseURL);
      try {
        await page.goto(FORM);
        await page.locator(`form[action="${FORM}/start"] button[type="submit"]`).click();
        await page.waitForURL(`**${FORM}/p/safe`);
        await page.waitForLoadState('load');
        await page.goto('about:blank');
        return await measure(context, page, question, 'app-warm', iteration);
      } finally {
        await context.close();
      }
    },
    baseline: async (iteration) => {
      const { context, page } = await freshPage(browser);
      try {
        return await measure(context, page, options.baselineURL, 'baseline', iteration);
      } finally {
        await context.close();
      }
    },
  };

  // One unrecorded round first: the first loads pay for starting renderer processes.
  for (const kind of kinds) await load[kind](-1);

  for (let iteration = 0; iteration < options.iterations; iteration++) {
    const order = kinds.map((_, index) => kinds[(index + iteration) % kinds.length]!);
    if (iteration % 2 === 1) order.reverse();
    for (const kind of order) {
      const sample = await load[kind](iteration);
      samples.push(sample);
      options.onSample?.(sample);
    }
  }
  return samples;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
