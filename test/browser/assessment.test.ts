import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPage, newPage, useBrowser } from './browser.ts';
import { signIn } from './sign-in.ts';

// One sign-in for the whole file (sign-in is rate limited); every page after it runs with JavaScript off.
const STAFF = 'ansatt@demo.medvirk.no';
const PHONE = { width: 320, height: 640 };
/** The demo case `npm start` seeds (scripts/seed-case.ts): a flagged answer and a draft assessment. */
const CASE = '/staff/m/demo/cases/DEMO-SAK-1';
const SEEDED = '/staff/m/demo/assessments/00000000-0000-4000-8000-00000000d003';

const browser = useBrowser();
let signedIn: BrowserContextOptions['storageState'];

beforeAll(async () => {
  const page = await newPage(browser());
  await signIn(page, STAFF);
  signedIn = await page.context().storageState();
  await page.context().close();
});

const withoutScript = (viewport = PHONE) => newPage(browser(), { javaScriptEnabled: false, viewport, storageState: signedIn });
const heading = (page: Page) => page.locator('h1').first().textContent();

describe('the case workspace with JavaScript off', () => {
  it('shows the flagged answer first, with its review-by date, until it is marked read', async () => {
    const page = await withoutScript();
    await page.goto('/staff/m/demo/cases');
    const flagged = page.locator('table').first();
    expect(await flagged.textContent()).toContain('DEMO-SAK-1');
    await checkPage(page, 'case overview');

    await flagged.getByRole('link', { name: 'DEMO-SAK-1' }).click();
    await expect.poll(() => heading(page)).toBe('Sak DEMO-SAK-1');
    const timeline = page.locator('.timeline');
    expect(await timeline.textContent()).toContain('Må leses innen');
    expect(await timeline.textContent()).toContain('Vurdering, versjon 2 (Utkast), av Siri Ansatt');
    await checkPage(page, 'case page');

    await page.getByRole('button', { name: 'Marker som lest' }).click();
    await expect.poll(() => timeline.textContent()).toContain('Svaret ble lest av Siri Ansatt');
    await page.goto('/staff/m/demo/cases');
    expect(await page.locator('main').textContent()).toContain('Ingen svar venter på deg.');
  });

  it('walks an assessment through the four steps beside the child’s answers, refuses to complete without feedback, then completes it', async () => {
    const page = await withoutScript();
    await page.goto(CASE);
    await page.getByLabel('Svar vurderingen bygger på').selectOption({ index: 0 });
    await page.getByRole('button', { name: 'Start en vurdering av barnets beste' }).click();
    await expect.poll(() => heading(page)).toBe('Steg 1: Vite');
    // The child's own words beside the element that draws on them.
    expect(await page.locator('.child-answers').first().textContent()).toContain('Jeg gruer meg til skolen hver morgen.');
    expect(await page.getByRole('link', { name: '1. Steg 1: Vite' }).getAttribute('aria-current')).toBe('step');
    await checkPage(page, 'assessment step 1 at 320 px');

    await page.getByLabel('Barnets eget syn', { exact: true }).fill('Barnet gruer seg til skolen.');
    await page.getByRole('button', { name: 'Lagre og fortsett' }).click();
    await expect.poll(() => heading(page)).toBe('Steg 2: Vurdere');
    await page.getByLabel('Vern og trygghet', { exact: true }).fill('Erting i friminuttene må stoppes.');
    await page.getByRole('button', { name: 'Lagre og fortsett' }).click();
    await expect.poll(() => heading(page)).toBe('Steg 3: Vekte');
    await page.getByRole('radio', { name: 'Sterkt, over lang tid' }).check();
    await page.getByRole('radio', { name: 'Stor vekt' }).check();
    await checkPage(page, 'assessment step 3');
    await page.getByRole('button', { name: 'Lagre og fortsett' }).click();
    await expect.poll(() => heading(page)).toBe('Steg 4: Vise');
    await page.getByLabel('Konklusjon', { exact: true }).fill('Skolen lager en plan mot erting.');
    await page.getByRole('button', { name: 'Lagre og fortsett' }).click();
    await expect.poll(() => heading(page)).toBe('Vurdering av barnets beste');

    // Completing without the feedback to the child: an error summary linking to the field, nothing completed.
    await page.getByRole('button', { name: 'Fullfør vurderingen' }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.textContent()).toContain('Skriv tilbakemeldingen til barnet før du fullfører vurderingen');
    expect(await page.title()).toMatch(/^Feil/);
    await checkPage(page, 'assessment refused without feedback');
    await summary.getByRole('link').click();
    await expect.poll(() => heading(page)).toBe('Steg 4: Vise');
    await page.getByLabel('Tilbakemelding til barnet', { exact: true }).fill('Vi har hørt deg. Skolen skal passe bedre på i friminuttene.');
    await page.getByRole('button', { name: 'Lagre og fortsett' }).click();
    await page.getByRole('button', { name: 'Fullfør vurderingen' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Fullført, versjon');
    expect(await page.locator('table').textContent()).toContain('Tilbakemelding til barnet: skrevet');
    await checkPage(page, 'completed assessment');

    // Telling the child by text message: a number that is not a Norwegian mobile is refused by its field.
    const phone = page.getByLabel('Mobilnummer til barnet eller en foresatt (valgfritt)');
    await phone.fill('12345');
    await page.getByRole('button', { name: 'Vis tilbakemeldingen til barnet' }).click();
    await expect.poll(() => summary.textContent()).toContain('Skriv et norsk mobilnummer med 8 sifre');
    expect(await summary.getByRole('link').getAttribute('href')).toBe('#phone');
    expect(await phone.getAttribute('aria-describedby')).toContain('phone-error');
    expect(await phone.inputValue()).toBe('12345');
    await checkPage(page, 'tell the child with a wrong number');
    await phone.fill('912 34 999');
    await page.getByRole('button', { name: 'Vis tilbakemeldingen til barnet' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Sendt');
    expect(await page.locator('.error-summary').count()).toBe(0);

    await page.getByRole('link', { name: 'Les og skriv ut hele vurderingen' }).click();
    expect(await page.locator('main').textContent()).toContain('Skolen lager en plan mot erting.');
    await checkPage(page, 'assessment for print');
  });

  it('writes a meeting record with action plan rows added and removed', async () => {
    const page = await withoutScript();
    await page.goto(CASE);
    await page.getByRole('button', { name: 'Skriv et møtereferat' }).click();
    await expect.poll(() => heading(page)).toBe('Referat fra tverrfaglig møte');
    const record = page.url();
    expect(await page.locator('main').textContent()).toContain('Ikke lagret ennå.');
    await checkPage(page, 'meeting record');
    await page.getByLabel('Barnets stemme', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();

    await page.getByRole('link', { name: 'Tiltaksplan' }).first().click();
    await expect.poll(() => heading(page)).toBe('Tiltaksplan');
    for (const [goal, measure] of [
      ['Trygge friminutt', 'En voksen ute i hvert friminutt'],
      ['En fast venn', 'Vennegrupper i klassen'],
    ]) {
      await page.getByRole('link', { name: 'Legg til tiltak' }).click();
      await page.getByLabel('Mål', { exact: true }).fill(goal!);
      await page.getByLabel('Tiltak', { exact: true }).fill(measure!);
      await page.getByRole('button', { name: 'Lagre og fortsett' }).click();
      await expect.poll(() => heading(page)).toBe('Tiltaksplan');
    }
    const rows = page.locator('.summary');
    expect(await rows.textContent()).toContain('Tiltak 2');
    await checkPage(page, 'action plan with two rows');
    await page.getByRole('button', { name: 'Fjern Tiltak 1' }).click();
    await expect.poll(() => rows.textContent()).not.toContain('Trygge friminutt');
    expect(await rows.textContent()).toContain('En fast venn');

    // Every save is a version: the reference, two rows added, one removed; newest first.
    await page.goto(record);
    const versions = page.getByRole('table', { name: 'Alle versjoner' });
    expect(await versions.locator('tbody tr').count()).toBe(4);
    expect(await versions.locator('tbody tr').first().textContent()).toContain('Tiltaksplan: endret');
    expect(await versions.locator('tbody tr').last().textContent()).toContain('Barnets stemme: valgt');
    await checkPage(page, 'meeting record with its versions');
    await versions.getByRole('link', { name: '3', exact: true }).click();
    await expect.poll(() => heading(page)).toBe('Referat fra tverrfaglig møte, versjon 3');
    expect(await page.locator('main').textContent()).toContain('Trygge friminutt');
    await checkPage(page, 'meeting record version');
  });

  it('shows the child’s answers beside the elements on a wide screen too', async () => {
    const page = await newPage(browser(), { viewport: { width: 1280, height: 900 }, storageState: signedIn });
    await page.goto(`${SEEDED}/p/know`);
    expect(await page.getByLabel('Barnets eget syn', { exact: true }).inputValue()).toContain('gruer seg til skolen');
    await checkPage(page, 'assessment step 1, wide, with JavaScript');
  });
});
