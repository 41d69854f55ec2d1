import { describe, expect, it } from 'vitest';
import { checkPage, expectTargetSizes, newPage, useBrowser } from './browser.ts';

const browser = useBrowser();

describe.each(['nb', 'nn', 'en'] as const)('pages of text only, in %s, without JavaScript', (lang) => {
  it('the front page, accessibility statement, privacy notes and a not-found page are accessible', async () => {
    const page = await newPage(browser(), { javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    for (const path of ['/', '/accessibility', '/privacy', '/privacy/demo']) {
      const response = await page.goto(`${path}?lang=${lang}`);
      expect(response?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await checkPage(page, path);
      await expectTargetSizes(page, path);
    }
    // A form's pages link to their municipality's privacy page, which names it as controller.
    await page.goto(`/m/demo/barnets-stemme-7-12?lang=${lang}`);
    await page.locator('footer').getByRole('link', { name: { nb: 'Personvern', nn: 'Personvern', en: 'Privacy' }[lang] }).click();
    await page.waitForURL(/\/privacy\/demo/);
    expect(await page.locator('h1').textContent()).toContain('Demo kommune');
    const missing = await page.goto(`/no-such-page?lang=${lang}`);
    expect(missing?.status()).toBe(404);
    await checkPage(page, 'not found');
    await page.context().close();
  });
});
