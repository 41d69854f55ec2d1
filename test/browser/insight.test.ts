/**
 * The planner's user-insight pages on the demo seed, JavaScript off at 320 px: the dashboard
 * and its filters, the quote queue, and a poster; every page passes axe.
 */
import type { BrowserContextOptions } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPage, newPage, useBrowser } from './browser.ts';
import { signIn } from './sign-in.ts';

// Sign-in is rate limited per address; this file signs in once, as the planner.
const PLANNER = 'planlegger@demo.medvirk.no';
const PHONE = { width: 320, height: 640 };
const browser = useBrowser();
let session: BrowserContextOptions['storageState'];
const asPlanner = () => newPage(browser(), { storageState: session, javaScriptEnabled: false, viewport: PHONE });

beforeAll(async () => {
  const page = await newPage(browser(), { javaScriptEnabled: false, viewport: PHONE });
  await signIn(page, PLANNER);
  session = await page.context().storageState();
  await page.context().close();
});

describe('the dashboard with JavaScript off', () => {
  it('shows a closed round per theme, filters by unit and cross-tabs by gender through a plain form', async () => {
    const page = await asPlanner();
    await page.goto('/staff');
    await page.getByRole('link', { name: 'Brukerundersøkelser' }).click();
    expect(await page.locator('h1').textContent()).toBe('Brukerundersøkelser');
    await checkPage(page, 'rounds');
    await page.getByRole('link', { name: 'Brukerundersøkelse 2026' }).click();
    await checkPage(page, 'closed round');
    await page.getByRole('link', { name: 'Resultater' }).click();
    expect(await page.locator('h1').textContent()).toBe('Resultater: Brukerundersøkelse 2026');
    expect(await page.locator('h2', { hasText: 'Vennskap' }).count()).toBe(1);
    expect(await page.locator('main').textContent()).toContain('Sammenlignet med runden «Brukerundersøkelse 2025».');
    // Every chart is a picture named by its title, followed by its table and one sentence.
    const chart = page.locator('#q-school-thrive').locator('xpath=..').locator('svg[role="img"]');
    expect(await chart.getAttribute('aria-labelledby')).toBe('chart-school-thrive-title');
    expect(await page.locator('#q-school-thrive ~ .table-wrap th[scope="row"]').allTextContents()).toEqual(['Alle som svarte', 'Forrige runde (Brukerundersøkelse 2025)']);
    await checkPage(page, 'dashboard');

    await page.getByLabel('Enhet').selectOption({ label: 'Demo skole' });
    await page.getByLabel('Del opp etter').selectOption({ label: 'Er du …' });
    await page.getByRole('button', { name: 'Vis' }).click();
    await page.waitForURL(/unit=demo-skole&group=&background=&crossBy=gender/);
    expect(await page.locator('#q-school-thrive ~ .table-wrap th[scope="row"]').allTextContents()).toEqual(['Jente', 'Gutt', 'Annet', 'Vil ikke si', 'Alle som svarte', 'Forrige runde (Brukerundersøkelse 2025)']);
    await checkPage(page, 'dashboard by unit and gender');

    // The small school has too few answers for any figure.
    await page.getByLabel('Enhet').selectOption({ label: 'Liten grendeskule' });
    await page.getByRole('button', { name: 'Vis' }).click();
    await page.waitForURL(/unit=demo-liten-skule/);
    expect(await page.locator('#q-school-thrive ~ .table-wrap tbody tr').first().textContent()).toContain('For få svar til å vise');
    await checkPage(page, 'dashboard of a small unit');
    await page.context().close();
  });
});

describe('curating quotes', () => {
  it('approves a redacted quote and rejects another; only the approved one reaches the dashboard', async () => {
    const page = await asPlanner();
    await page.goto('/staff/m/demo/insight/rounds/demo-2026/quotes');
    expect(await page.locator('h1').textContent()).toBe('Sitater til godkjenning');
    await checkPage(page, 'quote queue');
    const first = page.getByLabel('Svar 1', { exact: true });
    const original = await first.inputValue();
    await first.fill('Det hadde vært fint med et sted å være i helgene.');
    await page.locator('form.quote-card').first().getByRole('button', { name: 'Godkjenn' }).click();
    await page.waitForURL(/\/quotes$/);
    const rejected = await page.getByLabel('Svar 1', { exact: true }).inputValue();
    await page.locator('form.quote-card').first().getByRole('button', { name: 'Avvis' }).click();
    await page.waitForURL(/\/quotes$/);
    await checkPage(page, 'quote queue after deciding');

    await page.goto('/staff/m/demo/insight/rounds/demo-2026/results');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Det hadde vært fint med et sted å være i helgene.');
    expect(main).not.toContain(original);
    expect(main).not.toContain(rejected);
    await page.context().close();
  });
});

describe('a poster', () => {
  it('shows the open link with its QR code and prints without the workspace around it', async () => {
    const page = await asPlanner();
    await page.goto('/staff/m/demo/insight/rounds/demo-open');
    await checkPage(page, 'open round');
    await page.getByRole('link', { name: 'Plakat for Demo skole, Barn (5.–7. trinn)' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    expect(await page.locator('.poster .letter-url').textContent()).toMatch(/^http:\/\/(localhost|127\.0\.0\.1):\d+\/r\/demo\/barn2027$/);
    expect(await page.getByRole('img', { name: 'QR-kode til undersøkelsen' }).count()).toBe(1);
    await checkPage(page, 'poster');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.no-print').first().isVisible()).toBe(false);
    expect(await page.locator('.header').isVisible()).toBe(false);
    expect(await page.locator('.poster h1').isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('the plan document', () => {
  it('is section 8.4 in bokmål with every theme, each chart followed by its table, a marked draft of 8.3, and prints without the workspace', async () => {
    const page = await asPlanner();
    await page.goto('/staff/m/demo/insight/rounds/demo-2026/results');
    await page.getByRole('link', { name: 'Del 8.4 i planen (side for utskrift)' }).click();
    const article = page.locator('article.plan-document');
    expect(await article.getAttribute('lang')).toBe('nb');
    expect(await page.locator('h1').textContent()).toBe('8.4 Hva sier de ansatte og brukerne');
    expect(await article.locator('h3[id^="theme-"]').allTextContents()).toEqual(
      expect.arrayContaining(['Tverrfaglig samhandling', 'Kvalitet på tjenestene', 'Rammer for å gjøre en god jobb', 'Faglig utvikling', 'Kvalitet i skoler og barnehager', 'Oppvekstmiljøet', 'Vennskap', 'Hjelp når en trenger det']),
    );
    // Every chart is a named picture with its data table right after it.
    const figures = article.locator('section.figure');
    expect(await figures.count()).toBeGreaterThan(3);
    for (const figure of await figures.all()) {
      expect(await figure.locator('svg[role="img"]').count()).toBe(1);
      expect(await figure.locator('.chart + .table-wrap table').count()).toBe(1);
    }
    expect(await article.locator('h2', { hasText: 'Utkast til 8.3' }).count()).toBe(1);
    expect(await article.textContent()).toContain('Dette er et utkast laget ut fra tallene over. Rediger det før det går inn i planen.');
    expect(await article.textContent()).toContain('For få svar til å vise');
    await checkPage(page, 'plan document');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.no-print').first().isVisible()).toBe(false);
    expect(await page.locator('.header').isVisible()).toBe(false);
    expect(await article.locator('h1').isVisible()).toBe(true);
    await page.context().close();
  });
});
