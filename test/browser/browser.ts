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
