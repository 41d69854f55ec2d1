import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage as check, expectTargetSizes, focusLook, newPage, tabTo, useBrowser, type FocusLook } from './browser.ts';
import { signIn, signInLinkFromOutbox } from './sign-in.ts';

// Sign-in is rate limited (5 per address, 10 per client per 15 minutes): this file sends
// three sign-in requests in all — one refused address, the admin once, the staff member once.
const ADMIN = 'admin@demo.medvirk.no';
const STAFF = 'ansatt@demo.medvirk.no';
const LINKS = '/staff/m/demo/links';
const PHONE = { width: 320, height: 640 };
const PERSONAL_LINK = /^http:\/\/localhost:\d+\/l\/demo\/[0-9A-Z]{4}(?:-[0-9A-Z]{4}){6}$/;

const browser = useBrowser();

/** Fills the new-link form by label, as a sighted mouse user would. */
async function fillNewLink(page: Page, caseReference: string) {
  await page.getByLabel('Skjema', { exact: true }).selectOption({ label: 'Hva tenker du?' });
  await page.getByRole('button', { name: 'Gå videre' }).click();
  await page.waitForURL(/\/links\/new\?form=/);
  await page.getByRole('radio', { name: 'Nynorsk' }).check();
  await page.getByRole('radio', { name: 'Barnet' }).check();
  await page.getByLabel('Barnets alder').fill('9');
  await page.getByLabel('Din saksreferanse').fill(caseReference);
  await page.getByLabel('Lenken virker i', { exact: true }).selectOption({ label: '30 dager' });
  await page.getByLabel('Din rolle', { exact: true }).selectOption({ label: 'lærer' });
  expect(await page.getByRole('checkbox', { name: 'Lenken kan bare brukes til ett svar' }).isChecked()).toBe(true);
  await page.getByRole('button', { name: 'Lag lenken' }).click();
  await expect.poll(() => page.locator('h1').first().textContent()).toBe('Lenken er laget');
}

describe('signing in with JavaScript off', () => {
  it('refuses a bad address, mails a link, signs in with it and signs out', async () => {
    const page = await newPage(browser(), { javaScriptEnabled: false, viewport: PHONE });
    await page.goto('/staff/sign-in');
    expect(await page.locator('h1').textContent()).toBe('Logg inn');
    await check(page, 'sign-in page');

    // An address that is not one: the error summary, and the message by the field.
    await page.getByLabel('E-postadresse').fill('ikke-en-adresse');
    await page.getByRole('button', { name: 'Send meg en lenke' }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.textContent()).toContain('Skriv inn en gyldig e-postadresse');
    expect(await summary.getByRole('link').getAttribute('href')).toBe('#email');
    expect(await page.locator('#email-error').textContent()).toContain('Skriv inn en gyldig e-postadresse');
    const field = page.getByLabel('E-postadresse');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toBe('email-error');
    expect(await field.inputValue()).toBe('ikke-en-adresse');
    expect(await page.title()).toMatch(/^Feil/);
    await check(page, 'sign-in page with an error');

    // A real address: "check your e-mail".
    await field.fill(ADMIN);
    await page.getByRole('button', { name: 'Send meg en lenke' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sjekk e-posten din');
    expect(await page.locator('main').textContent()).toContain('15 minutter');
    await check(page, 'sign-in link sent');

    // The outbox shows the mail; its link leads to the verify page, which signs in on a click.
    const link = await signInLinkFromOutbox(page, ADMIN);
    await page.goto(link);
    expect(await page.locator('h1').textContent()).toBe('Logg inn i medvirk');
    await check(page, 'verify page');
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await page.waitForURL(/\/staff$/);
    expect(await page.locator('h1').textContent()).toBe('Min side');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Logget inn som Ada Administrator');
    expect(main).toContain('Demo kommune');
    expect(main).toMatch(/Roller: .*administrator/);
    expect(main).toMatch(/Roller: .*ansatt/);
    await check(page, 'staff home');

    // Signing out leads back to sign-in, and the workspace is closed again.
    await page.getByRole('button', { name: 'Logg ut', exact: true }).click();
    await page.waitForURL(/\/staff\/sign-in$/);
    expect(await page.locator('h1').textContent()).toBe('Logg inn');
    await check(page, 'signed out');
    await page.goto('/staff');
    await page.waitForURL(/\/staff\/sign-in$/);
    await check(page, 'sign-in page after signing out');
    await page.context().close();
  });
});

describe('personal form links', () => {
  /** Signed in once as the staff member at Demo skole; the session is reused by every test. */
  let staffPage: Page;
  let session: BrowserContextOptions['storageState'];
  /** The staff member's session in a fresh context with JavaScript on. */
  const staffWithScript = async (options: BrowserContextOptions = {}) => newPage(browser(), { storageState: session, ...options });

  let answeredLink = '';

  beforeAll(async () => {
    staffPage = await newPage(browser(), { javaScriptEnabled: false, viewport: PHONE });
    await signIn(staffPage, STAFF);
    session = await staffPage.context().storageState();
  });
  afterAll(async () => {
    await staffPage?.context().close();
  });

  it('makes a link with JavaScript off at 320 px: errors first, then the link, QR code and letter', async () => {
    const page = staffPage;
    await page.goto('/staff');
    expect(await page.locator('main').textContent()).toContain('Logget inn som Siri Ansatt');
    await page.getByRole('link', { name: 'Send et skjema' }).click();
    await page.waitForURL(/\/staff\/m\/demo\/links\/new$/);
    expect(await page.locator('h1').textContent()).toBe('Send et skjema');
    await check(page, 'new link');

    // Sent empty: the error summary names the missing form, and the message sits by the field.
    await page.getByRole('button', { name: 'Gå videre' }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.textContent()).toContain('Velg et skjema');
    expect(await summary.getByRole('link', { name: 'Velg et skjema' }).getAttribute('href')).toBe('#form');
    expect(await page.locator('#form-error').textContent()).toContain('Velg et skjema');
    expect(await page.getByLabel('Skjema', { exact: true }).getAttribute('aria-describedby')).toContain('form-error');
    expect(await page.title()).toMatch(/^Feil/);
    await check(page, 'new link with errors');

    await fillNewLink(page, '2026-0042');
    const linkInput = page.getByLabel('Lenken', { exact: true });
    answeredLink = await linkInput.inputValue();
    expect(answeredLink).toMatch(PERSONAL_LINK);
    expect(await linkInput.getAttribute('readonly')).not.toBeNull();
    // The letter is in the link's language (nynorsk), with the QR code and the address.
    const letter = page.locator('article.letter');
    expect(await letter.getAttribute('lang')).toBe('nn');
    expect(await letter.getByRole('img', { name: 'QR-kode til skjemaet' }).getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    const letterText = (await letter.textContent()) ?? '';
    expect(letterText).toContain('Vi vil gjerne høyra frå deg');
    expect(letterText).toContain('«Kva tenkjer du?»');
    expect(letterText).toContain(answeredLink);
    // Who sends it and why, whom to ask, and how to check it is genuine.
    expect(letterText).toContain('Sendt av ein lærar ved Demo skole i Demo kommune.');
    expect(letterText).toContain('Har du spørsmål, ta kontakt med Demo skole: telefon 22 33 44 55.');
    expect(letterText).toMatch(/localhost:\d+\/m\/demo\/meldinger/);
    expect(await letter.locator('.letter-code').textContent()).toBe(answeredLink.split('/').pop());
    await check(page, 'link created');
  });

  it('lets a family type the letter’s code at the short address and check that the message is genuine, JavaScript off at 320 px', async () => {
    await staffPage.goto(`${LINKS}/new`);
    await fillNewLink(staffPage, '2026-0050');
    const code = (await staffPage.locator('.letter-code').textContent()) ?? '';
    const family = await newPage(browser(), { javaScriptEnabled: false, viewport: PHONE });
    await family.goto('/l/demo');
    await check(family, 'code entry');
    await family.getByRole('button', { name: 'Åpne skjemaet' }).click();
    await expect.poll(() => family.locator('#link-code-error').textContent()).toContain('Skriv inn koden fra brevet');
    await check(family, 'code entry with an error');
    // Typed as people type it: small letters, spaces for dashes.
    await family.getByLabel('Koden fra brevet').fill(code.toLowerCase().replace(/-/g, ' '));
    await family.getByRole('button', { name: 'Åpne skjemaet' }).click();
    await family.waitForURL(/\/m\/demo\/barnets-stemme-7-12\?lang=nn$/);
    expect(await family.locator('main').textContent()).toContain('Dette skjemaet er sendt til deg frå Demo skole i Demo kommune.');

    for (const [lang, title] of [
      ['nb', 'Meldinger fra Demo kommune: slik ser du at de er ekte'],
      ['nn', 'Meldingar frå Demo kommune: slik ser du at dei er ekte'],
      ['en', 'Messages from Demo kommune: how to know they are genuine'],
    ] as const) {
      await family.goto(`/m/demo/meldinger?lang=${lang}`);
      expect(await family.getAttribute('html', 'lang')).toBe(lang);
      expect(await family.locator('h1').textContent()).toBe(title);
      await check(family, `genuine-message page in ${lang}`);
    }
    await family.context().close();
  });

  it('is answered by the child in nynorsk through the personal link (JavaScript on)', async () => {
    expect(answeredLink).toMatch(PERSONAL_LINK);
    const child = await newPage(browser(), { viewport: PHONE });
    await child.goto(answeredLink);
    // The start page first, in the link's language: who sent the form, and what it is for.
    await child.waitForURL(/\/m\/demo\/barnets-stemme-7-12\?lang=nn$/);
    expect(await child.getAttribute('html', 'lang')).toBe('nn');
    expect(await child.locator('main').textContent()).toContain('Dette skjemaet er sendt til deg frå Demo skole i Demo kommune.');
    await check(child, 'start page from the personal link');
    await child.getByRole('button', { name: 'Start', exact: true }).click();
    await child.waitForURL(/\/m\/demo\/barnets-stemme-7-12\/p\/safe/);
    expect(await child.getAttribute('html', 'lang')).toBe('nn');
    expect(await child.locator('h1').first().textContent()).toContain('Å vera trygg');
    await check(child, 'first question from the personal link');
    // A face and its word name each point: "Glad andlet Bra".
    await child.getByRole('radio', { name: 'Glad andlet Bra', exact: true }).first().check();
    await child.getByRole('button', { name: 'Gå vidare' }).click();

    await child.waitForURL(/\/p\/people/);
    await child.locator('input[name="good-friend"][value="yes"]').check();
    await check(child, 'people page');
    await child.getByRole('button', { name: 'Gå vidare' }).click();

    for (const next of ['good', 'hard', 'next']) {
      await child.waitForURL(new RegExp(`/p/${next}$`));
      await check(child, `${next} page`);
      await child.getByRole('button', { name: 'Gå vidare' }).click();
    }

    await child.waitForURL(/\/check/);
    await check(child, 'check page');
    await child.getByRole('button', { name: 'Send inn', exact: true }).click();

    await expect.poll(() => child.locator('h1').textContent()).toContain('Svara er sende');
    expect(await child.locator('.reference').textContent()).toMatch(/^MV-/);
    await check(child, 'receipt');
    await child.context().close();
  });

  it('shows the answered link in the overview, filtered and searched, and the answer itself', async () => {
    const page = await staffWithScript();
    await page.goto(LINKS);
    expect(await page.locator('h1').textContent()).toBe('Skjemalenker');
    const row = page.getByRole('row').filter({ hasText: '2026-0042' });
    expect(await row.count()).toBe(1);
    expect(await row.locator('.status').textContent()).toBe('Svart');
    expect(await row.textContent()).toContain('Barnet');
    await check(page, 'links overview');

    // Only answered links.
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Svart' });
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page.waitForURL(/status=submitted/);
    expect(await page.getByLabel('Status', { exact: true }).inputValue()).toBe('submitted');
    expect(await row.count()).toBe(1);
    for (const status of await page.locator('tbody .status').allTextContents()) expect(status).toBe('Svart');
    await check(page, 'links overview filtered by status');

    // Searching by the case reference.
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Alle' });
    await page.getByLabel('Søk på saksreferanse').fill('2026-0042');
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page.waitForURL(/q=2026-0042/);
    expect(await page.getByLabel('Søk på saksreferanse').inputValue()).toBe('2026-0042');
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await row.count()).toBe(1);
    await check(page, 'links overview searched');

    // The link's own page, and from there the answer.
    await page.getByRole('link', { name: '2026-0042', exact: true }).click();
    await page.waitForURL(/\/staff\/m\/demo\/links\/[0-9a-f-]{36}$/);
    expect(await page.locator('h1').textContent()).toContain('2026-0042');
    expect(await page.locator('main .status').textContent()).toBe('Svart');
    const details = (await page.locator('dl.summary').textContent()) ?? '';
    expect(details).toContain('Nynorsk');
    expect(details).toContain('Barnet');
    // An answered link cannot be revoked.
    expect(await page.getByRole('button', { name: 'Trekk tilbake lenken' }).count()).toBe(0);
    await check(page, 'link detail (answered)');

    await page.getByRole('link', { name: 'Les svaret' }).click();
    await page.waitForURL(/\/staff\/m\/demo\/responses\//);
    expect(await page.locator('h1').textContent()).toBe('Hva tenker du?');
    const school = page.locator('.summary-row').filter({ hasText: 'Hvordan har du det hjemme?' });
    // The smiley scale's answer in words, without an emoji face.
    expect(await school.locator('dd').textContent()).toMatch(/(^|\s)Bra$/);
    const friend = page.locator('.summary-row').filter({ hasText: 'Har du minst én god venn?' });
    expect(await friend.locator('dd').textContent()).toBe('Ja');
    const facts = (await page.locator('main > dl.summary').textContent()) ?? '';
    expect(facts).toContain('2026-0042');
    expect(facts).toMatch(/MV-[0-9A-Z]{5}-[0-9A-Z]{5}/);
    expect(facts).toContain('Nynorsk');
    await check(page, 'response');

    // The used single-use link now tells the child it has been used.
    const child = await newPage(browser(), { viewport: PHONE });
    const used = await child.goto(answeredLink);
    expect(used?.status()).toBe(410);
    expect(await child.locator('h1').textContent()).toBe('Skjemaet er alt sendt');
    await check(child, 'used link');
    await child.context().close();
    await page.context().close();
  });

  it('revokes a link, after which the personal link answers 410 "trukket tilbake"', async () => {
    const page = await staffWithScript();
    await page.goto(`${LINKS}/new`);
    await check(page, 'new link (JavaScript on)');
    await fillNewLink(page, '2026-0043');
    const url = await page.getByLabel('Lenken', { exact: true }).inputValue();
    expect(url).toMatch(PERSONAL_LINK);
    expect(url).not.toBe(answeredLink);
    await check(page, 'second link created');

    await page.getByRole('link', { name: 'Følg med på lenken' }).click();
    await page.waitForURL(/\/staff\/m\/demo\/links\/[0-9a-f-]{36}$/);
    expect(await page.locator('h1').textContent()).toContain('2026-0043');
    expect(await page.locator('main .status').textContent()).toBe('Laget');
    await check(page, 'link detail (new)');

    // Withdrawing asks first, on a page of its own.
    await page.getByRole('button', { name: 'Trekk tilbake lenken' }).click();
    await page.waitForURL(/\/links\/[0-9a-f-]{36}\/revoke\??$/);
    expect(await page.locator('h1').textContent()).toBe('Trekke tilbake lenken?');
    await check(page, 'withdraw the link?');
    await page.getByRole('button', { name: 'Ja, trekk tilbake lenken' }).click();
    await page.waitForURL(/\/links\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('main .status').textContent()).toBe('Trukket tilbake');
    expect(await page.getByRole('button', { name: 'Trekk tilbake lenken' }).count()).toBe(0);
    await check(page, 'link detail (revoked)');

    await page.goto(`${LINKS}?q=2026-0043`);
    expect(await page.getByRole('row').filter({ hasText: '2026-0043' }).locator('.status').textContent()).toBe('Trukket tilbake');
    await check(page, 'links overview with the revoked link');

    const respondent = await newPage(browser(), { viewport: PHONE });
    const response = await respondent.goto(url);
    expect(response?.status()).toBe(410);
    expect(await respondent.locator('h1').textContent()).toBe('Lenkja er trekt tilbake');
    await check(respondent, 'revoked link');
    await respondent.context().close();
    await page.context().close();
  });

  it('shows keyboard focus on every kind of control, and each is a target of at least 24 × 24 px', async () => {
    const page = await staffWithScript();
    await page.goto(`${LINKS}/new?form=barnets-stemme-7-12`);
    // One of each kind, in the order Tab reaches them (the second step, after the form is chosen).
    const controls = [
      ['skip link', 'a.skip'],
      ['link', '.staff-bar a'],
      ['button', '.staff-bar button'],
      ['radio', 'input[name="language"]:checked'],
      ['text input', '#caseReference'],
      ['select', 'select#expiresInDays'],
      ['checkbox', '#singleUse'],
    ] as const;
    const unfocused = new Map<string, FocusLook>();
    for (const [kind, selector] of controls) unfocused.set(kind, await focusLook(page, selector));
    const focused = new Map<string, FocusLook>();
    for (const [kind, selector] of controls) {
      await tabTo(page, selector);
      const look = await focusLook(page, selector);
      expect(look, `${kind} focused by keyboard looks unlike the unfocused one`).not.toEqual(unfocused.get(kind));
      focused.set(kind, look);
      const box = await page.locator(selector).first().boundingBox();
      expect(box!.width, `${kind} width`).toBeGreaterThanOrEqual(24);
      expect(box!.height, `${kind} height`).toBeGreaterThanOrEqual(24);
    }
    // One style per family, as in the GOV.UK Design System: yellow with a black bar on links
    // and buttons, a yellow outline on fields, a yellow ring round a radio or checkbox box.
    expect(focused.get('button')).toEqual(focused.get('link'));
    expect(focused.get('skip link')).toEqual(focused.get('link'));
    expect(focused.get('select')).toEqual(focused.get('text input'));
    expect(focused.get('checkbox')).toEqual(focused.get('radio'));

    // Every target on the staff pages, footer links and the error summary's links included.
    await expectTargetSizes(page, 'new link');
    await page.getByRole('button', { name: 'Lag lenken' }).click();
    await expect.poll(() => page.locator('.error-summary').count()).toBe(1);
    await expectTargetSizes(page, 'new link with errors');
    for (const path of ['/staff', LINKS, `${LINKS}?q=2026-0042`]) {
      await page.goto(path);
      await expectTargetSizes(page, path);
    }
    await page.getByRole('link', { name: '2026-0042', exact: true }).click();
    await page.waitForURL(/\/links\/[0-9a-f-]{36}$/);
    await expectTargetSizes(page, 'link detail');
    await page.getByRole('link', { name: 'Les svaret' }).click();
    await page.waitForURL(/\/responses\//);
    await expectTargetSizes(page, 'response');
    await page.context().close();
  });

  it('makes a link with the keyboard only', async () => {
    const page = await staffWithScript();
    await page.goto(`${LINKS}/new`);

    await tabTo(page, 'select#form');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('select#form').inputValue()).toBe('barnets-stemme-3-6');
    await tabTo(page, 'form[action$="/links/new"] button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/links\/new\?form=barnets-stemme-3-6$/);

    // Tab lands on the chosen radio of each group; the arrow keys move the choice.
    await tabTo(page, 'input[name="language"]');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('nb');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('input[name="language"]:checked').getAttribute('value')).toBe('nn');

    // A form for children goes to the child, or to an adult answering with the child; never a guardian.
    await tabTo(page, 'input[name="respondent"]');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('input[name="respondent"]:checked').getAttribute('value')).toBe('other');

    await tabTo(page, '#childAge');
    await page.keyboard.type('5');

    await tabTo(page, '#caseReference');
    await page.keyboard.type('2026-0044');

    await tabTo(page, 'select#expiresInDays');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('select#expiresInDays').inputValue()).toBe('30');

    await tabTo(page, '#singleUse');
    await page.keyboard.press('Space');
    expect(await page.locator('#singleUse').isChecked()).toBe(false);

    await tabTo(page, 'form[action$="/links"] button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Lenken er laget');
    expect(await page.getByLabel('Lenken', { exact: true }).inputValue()).toMatch(PERSONAL_LINK);
    await check(page, 'link created with the keyboard');

    // On to the link's page, still by keyboard: what was chosen was kept.
    await tabTo(page, 'a[href^="/staff/m/demo/links/"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/staff\/m\/demo\/links\/[0-9a-f-]{36}$/);
    const details = (await page.locator('dl.summary').textContent()) ?? '';
    expect(details).toContain('Annen');
    expect(details).toContain('Nynorsk');
    expect(await page.locator('.summary-row').filter({ hasText: 'Bare ett svar' }).locator('dd').textContent()).toBe('Nei');
    expect(await page.locator('h1').textContent()).toContain('2026-0044');
    await check(page, 'link detail (keyboard)');
    await page.context().close();
  });
});
