import { describe, expect, it } from 'vitest';
import { checkPage, newPage, useBrowser } from './browser.ts';

const browser = useBrowser();

describe.each(['nb', 'nn', 'en'] as const)('pages of text only, in %s, without JavaScript', (lang) => {
  it('the front page, accessibility statement, privacy notes and a not-found page are accessible', async () => {
    const page = await newPage(browser(), { javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    for (const path of ['/', '/accessibility', '/privacy']) {
      const response = await page.goto(`${path}?lang=${lang}`);
      expect(response?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await checkPage(page, path);
    }
    const missing = await page.goto(`/no-such-page?lang=${lang}`);
    expect(missing?.status()).toBe(404);
    await checkPage(page, 'not found');
    await page.context().close();
  });
});
