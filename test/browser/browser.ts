/** Debian's Chromium driven by playwright-core, with axe for accessibility checks. */
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';

export const baseURL = () => inject('baseURL');

export const launch = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });

/** Pages opened with JavaScript off, and the options they were opened with. */
const withoutScript = new WeakMap<Page, BrowserContextOptions>();

export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseURL(), ...options });
  // Pages answer in milliseconds locally; a short limit makes a failure quick and clear.
  context.setDefaultTimeout(5_000);
  const page = await context.newPage();
  if (options.javaScriptEnabled === false) withoutScript.set(page, options);
  return page;
}

/**
 * axe cannot run in a page with JavaScript off, so such a page is checked as a copy: the
 * exact HTML the person received, with the real stylesheet and our script blocked.
 */
async function inspectable(page: Page): Promise<{ target: Page; done: () => Promise<void> }> {
  const options = withoutScript.get(page);
  if (!options) return { target: page, done: async () => {} };
  const html = await page.content();
  const url = page.url();
  const context = await page.context().browser()!.newContext({ ...options, javaScriptEnabled: true, baseURL: baseURL() });
  await context.route('**/*', (route) => {
    const request = route.request();
    if (request.url() === url && request.resourceType() === 'document') return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
    if (request.resourceType() === 'script') return route.abort();
    return route.continue();
  });
  const target = await context.newPage();
  await target.goto(url);
  return { target, done: () => context.close() };
}

/**
 * Does something that shows another page and waits until it is shown: a new document (a link,
 * a form without the page script), or a page the page script swapped in after a form post
 * (web/islands/follow.ts), which loads no document. Either way the body is a new one.
 */
export async function toNextPage(page: Page, action: () => Promise<unknown>) {
  const mark = await page.evaluate(() => (document.body.dataset.before = String(Math.random())));
  await action();
  await page.waitForFunction((before) => document.readyState === 'complete' && document.body?.dataset.before !== before, mark);
}

/** Zero axe violations against WCAG 2.0/2.1 A and AA; a failure lists each rule and node. */
export async function expectAccessible(page: Page, label = page.url()) {
  // A click waits only until the next page commits; check the page once it has fully loaded.
  await page.waitForLoadState('load');
  const { target, done } = await inspectable(page);
  try {
    const results = await new AxeBuilder({ page: target }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const problems = results.violations.map((violation) => `${violation.id}: ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(' ')).join('\n  ')}`);
    expect(problems, `axe on ${label}`).toEqual([]);
  } finally {
    await done();
  }
}

/** Nothing wider than the viewport: readable at 320 px and at 200 % zoom without sideways scrolling. */
export async function expectNoHorizontalScroll(page: Page) {
  await page.waitForLoadState('load');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}

/** One Chromium per test file: launched before its tests and closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not running');
    return browser;
  };
}

/** Every page a person sees: zero axe violations and nothing wider than the viewport. */
export async function checkPage(page: Page, label: string) {
  await expectAccessible(page, label);
  await expectNoHorizontalScroll(page);
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
export async function tabTo(page: Page, selector: string) {
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
  }
  throw new Error(`could not reach ${selector} with Tab`);
}

/** What shows focus on a control: its outline (when it can be seen) and box shadow. */
export interface FocusLook {
  outline: string;
  boxShadow: string;
}

/**
 * The focus look of the control `selector` matches, as the page draws it now. A radio or
 * checkbox is an invisible input under a box drawn by its label's ::before, so that box is read.
 * A transparent outline (shown only in forced colours) counts as none.
 */
export async function focusLook(page: Page, selector: string): Promise<FocusLook> {
  return page.locator(selector).first().evaluate((control) => {
    const drawn = control.matches('.choice input') && control.nextElementSibling ? getComputedStyle(control.nextElementSibling, '::before') : getComputedStyle(control);
    const seen = drawn.outlineStyle !== 'none' && parseFloat(drawn.outlineWidth) > 0 && drawn.outlineColor !== 'rgba(0, 0, 0, 0)';
    return { outline: seen ? `${drawn.outlineStyle} ${drawn.outlineWidth} ${drawn.outlineColor}` : 'none', boxShadow: drawn.boxShadow };
  });
}

/**
 * Every control that Tab reaches is a target of at least 24 × 24 px (WCAG 2.5.8), and its
 * edges, 1 px in, are really hit by a pointer there. A link inside a sentence is exempt under
 * 2.5.8 ("inline": its size is set by the line height of the text around it), so it is skipped.
 */
export async function expectTargetSizes(page: Page, label: string) {
  await page.waitForLoadState('load');
  const { target, done } = await inspectable(page);
  try {
    const small = await target.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('a[href], button, input:not([type="hidden"]), select, textarea, summary')].flatMap((control) => {
        if (control.tabIndex < 0 || control.matches(':disabled')) return [];
        const sentence = control.closest('p, li, td, dd');
        if (control.matches('a') && sentence && sentence.textContent?.trim() !== control.textContent?.trim()) return [];
        control.focus(); // the skip link shows only when focused
        control.scrollIntoView({ block: 'center' });
        if (control.getClientRects().length === 0) return []; // not shown (hidden until JavaScript needs it)
        const box = control.getBoundingClientRect();
        const hits = (y: number) => {
          const hit = document.elementFromPoint(box.left + box.width / 2, y);
          return !!hit && (hit === control || control.contains(hit));
        };
        const name = `${control.tagName.toLowerCase()}${control.id ? `#${control.id}` : ''} "${(control.textContent ?? '').trim().slice(0, 40)}"`;
        if (box.width < 24 || box.height < 24) return [`${name}: ${box.width.toFixed(1)} × ${box.height.toFixed(1)} px`];
        if (!hits(box.top + 1) || !hits(box.bottom - 1)) return [`${name}: its edges are not hit by a pointer`];
        return [];
      }),
    );
    expect(small, `targets under 24 × 24 px on ${label}`).toEqual([]);
  } finally {
    await done();
  }
}
