/**
 * The child's voice in Chromium: each age version with JavaScript on and off, at 320 px, in
 * bokmål and in Arabic (right to left), keyboard only, zero axe violations on every page, the
 * quick exit and help line everywhere, and every page within its weight budget.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BUDGET, references, sizes } from '../../bench/weight.ts';
import { checkPage as check, expectTargetSizes, newPage, tabTo, useBrowser } from './browser.ts';

const browser = useBrowser();
const VERSIONS = ['barnets-stemme-3-6', 'barnets-stemme-7-12', 'barnets-stemme-13-18'] as const;
const PAGES = ['safe', 'people', 'good', 'hard', 'next'];

/** Compressed weight of the page as served (HTML with its inline CSS) and of its script. */
async function expectWithinBudget(page: Page, label: string) {
  const html = await (await page.context().request.get(page.url())).text();
  const js = await Promise.all(references(html, page.url()).js.map(async (url) => (await page.context().request.get(url)).text()));
  const jsGzip = js.reduce((sum, body) => sum + sizes(body).gzip, 0);
  expect(jsGzip, `${label}: JavaScript`).toBeLessThanOrEqual(BUDGET.jsGzip);
  expect(sizes(html).gzip + jsGzip, `${label}: everything`).toBeLessThanOrEqual(BUDGET.totalGzip);
}

/** What every child page must have: axe clean, no sideways scroll, the quick exit, the help line, the budget. */
async function childPage(page: Page, label: string) {
  await check(page, label);
  expect(await page.locator('a.quick-exit').getAttribute('href'), label).toBe('https://www.yr.no/');
  expect(await page.locator('.help-line a[href="tel:116111"]').count(), label).toBe(1);
  await expectWithinBudget(page, label);
}

describe.each(VERSIONS.flatMap((version) => [[version, 'nb', true], [version, 'ar', false]] as const))('%s in %s, JavaScript %s, 320 px wide', (version, lang, javaScriptEnabled) => {
  it('is answered from the start page to the receipt, every page accessible and within budget', async () => {
    const form = `/m/demo/${version}`;
    const page = await newPage(browser(), { javaScriptEnabled, viewport: { width: 320, height: 640 } });
    await page.goto(`${form}?lang=${lang}`);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    await childPage(page, 'start page');
    await page.locator('button.button--start').click();

    for (const [index, name] of PAGES.entries()) {
      await page.waitForURL(new RegExp(`/p/${name}$`));
      expect(await page.locator('progress.progress-bar').getAttribute('value')).toBe(String(index + 1));
      await childPage(page, `page ${name}`);
      if (name === 'safe') {
        // The faces are real radio buttons, each named by its face and its word.
        const happiest = page.getByRole('radio', { name: lang === 'ar' ? 'وجه سعيد جيد' : 'Glad ansikt Bra', exact: true }).first();
        await happiest.check();
        expect(await page.locator('input[name="safe-home"][value="3"]').isChecked()).toBe(true);
        if (lang === 'ar') {
          // Right to left: the three faces share a row even at 320 px, the first at the right.
          const first = await page.locator('label[for="q-safe-home-1"]').boundingBox();
          const last = await page.locator('label[for="q-safe-home-3"]').boundingBox();
          expect(first!.y).toBe(last!.y);
          expect(first!.x).toBeGreaterThan(last!.x);
        }
      }
      await page.locator('button[value="continue"]').click();
    }
    await page.waitForURL(/\/check$/);
    await childPage(page, 'check your answers');
    await page.locator('main form button[type="submit"]').last().click();
    await page.waitForURL(/\/done$/);
    expect(await page.locator('.reference').textContent()).toMatch(/^MV-/);
    await childPage(page, 'receipt');
    await page.context().close();
  });
});

describe('keyboard only', () => {
  it('reaches the quick exit first after the skip link, and answers the 7–12 version without a mouse', async () => {
    const page = await newPage(browser());
    await page.goto('/m/demo/barnets-stemme-7-12');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('quick-exit');
    await tabTo(page, 'button.button--start');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/p\/safe$/);

    await tabTo(page, 'input[name="safe-home"]');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('input[name="safe-home"]:checked').getAttribute('value')).toBe('3');
    await expectTargetSizes(page, 'page safe');
    for (const next of ['people', 'good', 'hard', 'next']) {
      await tabTo(page, 'button[value="continue"]');
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/p/${next}$`));
    }
    await tabTo(page, 'textarea');
    await page.keyboard.type('Mer tid ute.');
    await tabTo(page, 'button[value="continue"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/check$/);
    await tabTo(page, 'main form button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/done$/);
    await page.context().close();
  });

  it('leaves at once with the quick exit, without JavaScript too', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await newPage(browser(), { javaScriptEnabled });
      // The neutral page is not fetched from the internet here; any answer shows we left.
      await page.route('https://www.yr.no/**', (route) => route.fulfill({ body: '<html lang="nb"><title>Været</title></html>', contentType: 'text/html' }));
      await page.goto('/m/demo/barnets-stemme-3-6');
      await tabTo(page, 'a.quick-exit');
      await page.keyboard.press('Enter');
      await page.waitForURL('https://www.yr.no/');
      await page.context().close();
    }
  });
});
