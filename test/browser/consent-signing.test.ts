/**
 * Consent for cooperation in a real Chromium with JavaScript off: staff start a consent for two
 * guardians, each guardian signs through their own link, the register shows who may share,
 * one guardian withdraws a service, and the receipt is checked on the public page; a 16-year-old
 * signs on a page written to them; an admin edits the service list. Every page passes axe and
 * fits 320 px.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseURL, checkPage, newPage, useBrowser } from './browser.ts';
import { signIn } from './sign-in.ts';

const browser = useBrowser();
const NO_SCRIPT = { javaScriptEnabled: false, viewport: { width: 320, height: 640 } };
const CASE = `NETT-${Date.now().toString(36).toUpperCase()}`;
/** A made-up national ID number with valid check digits (born 15 June 2015). */
const CHILD_ID = '15061510092';

async function submit(page: Page, name: string) {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name, exact: true }).click()]);
}

/** Makes the signer's link on the register page (the nth signer, or the one whose entry has the text) and reads it from the page that shows it once. */
async function makeLink(staff: Page, register: string, which: number | string) {
  await staff.goto(register);
  const signers = staff.locator('.signers li');
  const signer = typeof which === 'number' ? signers.nth(which) : signers.filter({ hasText: which });
  await Promise.all([staff.waitForEvent('load'), signer.getByRole('button', { name: 'Lag lenke' }).click()]);
  await checkPage(staff, `link for signer ${which}`);
  const url = await staff.locator('#link-url').inputValue();
  expect(url).toMatch(/\/c\/demo\/[\w-]{34}$/);
  return url;
}

async function signAs(browser: Browser, url: string, name: string, answers: Record<string, string>, title = 'Samtykke til samarbeid om barnet') {
  const page = await newPage(browser, NO_SCRIPT);
  await page.goto(url);
  expect(await page.locator('h1').first().textContent()).toBe(title);
  await checkPage(page, `signing page for ${name}`);
  // Sending it empty shows each problem by its field, and the page still passes axe.
  await submit(page, 'Signer samtykket');
  await page.locator('.error-summary').waitFor();
  await checkPage(page, 'signing page with errors');
  await page.locator('#q-child-name').fill('Ola Nordmann');
  await page.locator('#q-child-national-id').fill(CHILD_ID);
  for (const [service, answer] of Object.entries(answers)) await page.locator(`#q-service-${service}-${answer}`).check();
  await page.locator('#q-signature-name').fill(name);
  await page.locator('#q-signature-confirm').check();
  await submit(page, 'Signer samtykket');
  expect(await page.locator('h1').textContent()).toBe('Takk, du har signert');
  await checkPage(page, `signed page for ${name}`);
  return page;
}

describe('consent for cooperation, signed by two guardians', () => {
  it('is started, signed by each guardian, read in the register, withdrawn in part and its receipt checked', async () => {
    const staff = await newPage(browser(), NO_SCRIPT);
    await signIn(staff, 'ansatt@demo.medvirk.no');
    await staff.goto('/staff/m/demo/consents/new');
    await checkPage(staff, 'new consent');
    await staff.getByLabel('Saksreferanse').fill(CASE);
    for (const service of ['Skole', 'PP-tjenesten (PPT)']) await staff.getByLabel(service, { exact: true }).check();
    await staff.getByLabel('2', { exact: true }).check();
    await staff.getByLabel('Barnets alder').fill('10');
    await submit(staff, 'Start samtykket');
    await checkPage(staff, 'register, new');
    const register = staff.url();

    const first = await makeLink(staff, register, 0);
    const second = await makeLink(staff, register, 1);
    const guardian1 = await signAs(browser(), first, 'Kari Nordmann', { school: 'approve', ppt: 'approve' });

    await staff.goto(register);
    expect(await staff.locator('.lead').textContent()).toContain('Venter på signatur');
    await signAs(browser(), second, 'Per Nordmann', { school: 'approve', ppt: 'decline' });

    await staff.goto(register);
    await checkPage(staff, 'register, signed by both');
    expect(await staff.locator('.lead').textContent()).toContain('Signert av alle');
    const school = staff.locator('tr', { has: staff.locator('th', { hasText: 'Skole' }) }).first();
    expect(await school.textContent()).toContain('Ja: Alle som må signere, har sagt ja.');
    expect(await staff.locator('body').textContent()).toContain('Signert av K*** N***');

    // The receipt, fetched again through the link, is genuine on the public check page.
    const receipt = await (await guardian1.request.get(`${first}/receipt.json`)).text();
    const checker = await newPage(browser(), NO_SCRIPT);
    await checker.goto('/receipts/check');
    await checkPage(checker, 'receipt check');
    await checker.getByLabel('Kvitteringen').fill(receipt);
    await submit(checker, 'Sjekk');
    expect(await checker.locator('#result-title').textContent()).toBe('Kvitteringen er ekte');
    expect(await checker.locator('.verdict').textContent()).toContain('Samtykket gjelder fortsatt.');
    await checkPage(checker, 'receipt genuine');

    // Guardian 1 withdraws the school through their link: the register says no at once.
    await guardian1.goto(first);
    await guardian1.getByLabel('Hva vil du trekke?').selectOption('school');
    await submit(guardian1, 'Trekk samtykket');
    expect(await guardian1.locator('.notice').textContent()).toContain('Samtykket er trukket.');
    await checkPage(guardian1, 'after withdrawal');
    await staff.goto(`/staff/m/demo/consents/check?case=${CASE}&service=school`);
    await checkPage(staff, 'check page');
    expect(await staff.locator('#verdict-title').textContent()).toBe('Nei');
    expect(new URL(staff.url()).origin).toBe(new URL(baseURL()).origin);
  }, 150_000); // two guardians, the register, a receipt check and a withdrawal: the longest walk of all

  it('is signed by a 16-year-old on a page written to them, for the health services only', async () => {
    const staff = await newPage(browser(), NO_SCRIPT);
    await signIn(staff, 'ansatt@demo.medvirk.no');
    await staff.goto('/staff/m/demo/consents/new');
    await staff.getByLabel('Saksreferanse').fill(`${CASE}-16`);
    for (const service of ['Skole', 'Helsestasjon og skolehelsetjeneste']) await staff.getByLabel(service, { exact: true }).check();
    await staff.getByLabel('1', { exact: true }).check();
    await staff.getByLabel('Barnets alder').fill('16');
    await submit(staff, 'Start samtykket');
    const register = staff.url();
    const childLink = await makeLink(staff, register, 'Signerer selv for helsetjenestene.');
    const child = await signAs(browser(), childLink, 'Ola Nordmann', { 'health-station': 'approve' }, 'Samtykke til samarbeid om deg');
    await child.context().close();
    await staff.goto(register);
    const health = staff.locator('tr', { has: staff.locator('th', { hasText: 'Helsestasjon' }) }).first();
    // The guardian has not signed yet, so even the health service the child approved waits.
    expect(await health.textContent()).toContain('Ikke alle som må signere, har svart ennå.');
    await staff.context().close();
  });

  it("lets an admin edit the service list, each field's error tied to it, and saves a new version", async () => {
    const admin = await newPage(browser(), NO_SCRIPT);
    await signIn(admin, 'admin@demo.medvirk.no');
    await admin.goto('/staff/m/demo/consents/services');
    await checkPage(admin, 'service list');
    const version = Number((await admin.locator('main p').first().textContent())?.match(/\d+/)?.[0]);
    const name = admin.locator('input[id="label-nn.0"]');
    const original = await name.inputValue();
    await name.fill('');
    await submit(admin, 'Lagre ny versjon');
    await admin.locator('.error-summary').waitFor();
    await checkPage(admin, 'service list with an error');
    expect(await admin.locator('[id="label-nn.0-error"]').textContent()).toContain('Skriv navnet på tjenesten på nynorsk.');
    expect(await name.getAttribute('aria-describedby')).toContain('label-nn.0-error');
    await admin.locator('.error-summary a').first().click();
    expect(await admin.evaluate(() => document.activeElement?.id)).toBe('label-nn.0');
    // Put back as it was: the list is the same, in a new version.
    await name.fill(original);
    await submit(admin, 'Lagre ny versjon');
    expect(await admin.locator('.error-summary').count()).toBe(0);
    expect(await admin.locator('main p').first().textContent()).toContain(`Versjon ${version + 1}`);
    await admin.context().close();
  });
});
