import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage as check, expectTargetSizes, newPage, tabTo, useBrowser } from './browser.ts';
import { signIn } from './sign-in.ts';

// Sign-in is rate limited (5 per address, 10 per client per 15 minutes) and staff.test.ts signs
// in on the same server: this file signs in once, as the admin, and reuses that session.
const ADMIN = 'admin@demo.medvirk.no';
const BASE = '/staff/m/demo';
const ADMIN_BASE = `${BASE}/admin`;
const PHONE = { width: 320, height: 640 };

const browser = useBrowser();
/** The admin's session (admin, and staff at Demo helsestasjon), signed in once in beforeAll. */
let session: BrowserContextOptions['storageState'];

/** The admin's session in a fresh context; JavaScript on unless told otherwise. */
const asAdmin = (options: BrowserContextOptions = {}) => newPage(browser(), { storageState: session, ...options });
/** The admin's session with JavaScript off at 320 px. */
const asAdminWithoutScript = () => asAdmin({ javaScriptEnabled: false, viewport: PHONE });

beforeAll(async () => {
  const page = await newPage(browser(), { javaScriptEnabled: false, viewport: PHONE });
  await signIn(page, ADMIN);
  session = await page.context().storageState();
  await page.context().close();
});

describe('assisted answering (JavaScript on)', () => {
  it('opens the child’s form with the helper’s role, and the response records the help', async () => {
    const page = await asAdmin();
    await page.goto(`${BASE}/links/new`);
    expect(await page.locator('h1').textContent()).toBe('Send et skjema');
    await check(page, 'new link');

    // First the form, then only who it is made for, and the child's age for its age band.
    await page.getByLabel('Skjema', { exact: true }).selectOption({ label: 'Hva tenker du?' });
    await page.getByRole('button', { name: 'Gå videre' }).click();
    await page.waitForURL(/\/links\/new\?form=barnets-stemme-7-12$/);
    expect(await page.getByRole('radio', { name: 'Foresatt' }).count()).toBe(0);
    await check(page, 'new link, second step');
    await page.getByRole('radio', { name: 'Bokmål' }).check();
    await page.getByRole('radio', { name: 'Barnet' }).check();
    await page.getByLabel('Barnets alder').fill('9');
    // A reference that looks like a name is asked about once more.
    await page.getByLabel('Din saksreferanse').fill('Kari.Nordmann');
    await page.getByRole('button', { name: 'Lag lenken' }).click();
    await expect.poll(() => page.locator('#caseReference-error').textContent()).toContain('Saksreferansen ligner et navn');
    await check(page, 'new link, case reference warned');
    await page.getByLabel('Din saksreferanse').fill('2026-0777');
    await page.getByRole('button', { name: 'Lag lenken' }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Lenken er laget');
    // With JavaScript the link can be copied and the letter printed from buttons.
    expect(await page.getByRole('button', { name: 'Kopier lenken' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Skriv ut brevet' }).isVisible()).toBe(true);
    await check(page, 'link created');
    await expectTargetSizes(page, 'link created');

    await page.getByRole('link', { name: 'Følg med på lenken' }).click();
    await page.waitForURL(/\/staff\/m\/demo\/links\/[0-9a-f-]{36}$/);
    const linkPage = page.url();
    expect(await page.locator('h1').textContent()).toContain('2026-0777');
    expect(await page.getByRole('heading', { name: 'Svar sammen med barnet' }).count()).toBe(1);
    await check(page, 'link detail');

    // Without a role: the message by the field, and the page title says there is an error.
    await page.getByRole('button', { name: 'Åpne skjemaet sammen med barnet' }).click();
    const roleError = page.locator('#role-error');
    await expect.poll(() => roleError.textContent()).toContain('Velg rollen din');
    const role = page.getByLabel('Din rolle');
    expect(await role.getAttribute('aria-describedby')).toContain('role-error');
    expect(await page.title()).toMatch(/^Feil/);
    await check(page, 'link detail with the role missing');

    // With the role: the form's start page, saying who sent it, then the first question.
    await role.selectOption({ label: 'lærer' });
    await page.getByRole('button', { name: 'Åpne skjemaet sammen med barnet' }).click();
    await page.waitForURL(/\/m\/demo\/barnets-stemme-7-12\?lang=\w+$/);
    expect(await page.locator('main').textContent()).toContain('Dette skjemaet er sendt til deg fra Demo helsestasjon i Demo kommune.');
    await check(page, 'start page (assisted)');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.waitForURL(/\/m\/demo\/barnets-stemme-7-12\/p\/safe/);
    expect(await page.getAttribute('html', 'lang')).toBe('nb');
    expect(await page.locator('h1').first().textContent()).toContain('Å være trygg');
    // Every page says an adult answers together with the child, and in which role.
    expect(await page.locator('.assisted-banner p').textContent()).toBe('Du svarer sammen med en voksen (lærer).');
    expect(await page.getByRole('button', { name: 'Avslutt økten sammen med barnet' }).count()).toBe(1);
    await check(page, 'first question (assisted)');
    await page.getByRole('radio', { name: 'Glad ansikt Bra', exact: true }).first().check();
    await page.getByRole('button', { name: 'Gå videre' }).click();

    await page.waitForURL(/\/p\/people/);
    await page.locator('input[name="good-friend"][value="yes"]').check();
    await check(page, 'people page (assisted)');
    await page.getByRole('button', { name: 'Gå videre' }).click();

    for (const next of ['good', 'hard', 'next']) {
      await page.waitForURL(new RegExp(`/p/${next}$`));
      await check(page, `${next} page (assisted)`);
      await page.getByRole('button', { name: 'Gå videre' }).click();
    }

    await page.waitForURL(/\/check/);
    await check(page, 'check page (assisted)');
    await page.getByRole('button', { name: 'Send inn', exact: true }).click();

    await expect.poll(() => page.locator('h1').textContent()).toContain('Svarene er sendt');
    expect(await page.locator('.reference').textContent()).toMatch(/^MV-/);
    await check(page, 'receipt (assisted)');

    // Back on the link's page: answered, and the answer says it was given with help.
    await page.goto(linkPage);
    expect(await page.locator('main .status').textContent()).toBe('Svart');
    expect(await page.getByRole('button', { name: 'Åpne skjemaet sammen med barnet' }).count()).toBe(0);
    await check(page, 'link detail (answered with help)');
    await page.getByRole('link', { name: 'Les svaret' }).click();
    await page.waitForURL(/\/staff\/m\/demo\/responses\//);
    expect(await page.locator('h1').textContent()).toBe('Hva tenker du?');
    const how = page.locator('.summary-row').filter({ hasText: 'Slik ble det svart' });
    expect(await how.locator('dd').textContent()).toBe('Med hjelp fra en voksen (lærer)');
    const school = page.locator('.summary-row').filter({ hasText: 'Hvordan har du det hjemme?' });
    expect(await school.locator('dd').textContent()).toMatch(/(^|\s)Bra$/);
    await check(page, 'response (assisted)');
    await page.context().close();
  });
});

describe('admin pages with JavaScript off at 320 px', () => {
  const email = `test-person-${Date.now()}@demo.medvirk.no`;

  it('"Personer og roller": errors, an invitation, changed roles and no self-lockout', async () => {
    const page = await asAdminWithoutScript();
    await page.goto('/staff');
    await page.getByRole('link', { name: 'Administrasjon', exact: true }).click();
    await page.waitForURL(/\/staff\/m\/demo\/admin\/people$/);
    expect(await page.locator('h1').textContent()).toBe('Personer og roller');
    expect(await page.getByRole('group', { name: /^Ada Administrator/ }).count()).toBe(1);
    await check(page, 'people');

    // The invitation sent empty: the error summary, and each message by its field.
    const invite = page.locator(`form[action="${ADMIN_BASE}/people"]`);
    await invite.getByRole('button', { name: 'Gi tilgang' }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.textContent()).toContain('Skriv navnet (høyst 120 tegn)');
    expect(await summary.textContent()).toContain('Skriv en gyldig e-postadresse');
    expect(await summary.getByRole('link', { name: 'Skriv en gyldig e-postadresse' }).getAttribute('href')).toBe('#email');
    expect(await page.locator('#name-error').textContent()).toContain('Skriv navnet (høyst 120 tegn)');
    expect(await page.locator('#email-error').textContent()).toContain('Skriv en gyldig e-postadresse');
    expect(await invite.getByLabel('Fullt navn').getAttribute('aria-describedby')).toBe('name-error');
    expect(await invite.getByLabel('E-postadresse på jobb').getAttribute('aria-describedby')).toBe('email-error');
    expect(await page.title()).toMatch(/^Feil/);
    await check(page, 'people with errors');

    // Invited as staff at Demo skole: listed with those roles.
    await invite.getByLabel('Fullt navn').fill('Test Person');
    await invite.getByLabel('E-postadresse på jobb').fill(email);
    const inviteRoles = invite.getByRole('group', { name: 'Roller', exact: true });
    await inviteRoles.getByRole('checkbox', { name: 'ansatt', exact: true }).check();
    await inviteRoles.getByRole('checkbox', { name: 'planlegger', exact: true }).uncheck();
    await inviteRoles.getByRole('checkbox', { name: 'administrator', exact: true }).uncheck();
    await invite.getByLabel('Enhet', { exact: true }).selectOption({ label: 'Demo skole' });
    await invite.getByRole('button', { name: 'Gi tilgang' }).click();
    const person = page.getByRole('group', { name: `Test Person (${email})` });
    await expect.poll(() => person.count()).toBe(1);
    expect(await page.locator('.error-summary').count()).toBe(0);
    expect(await person.getByRole('checkbox', { name: 'ansatt', exact: true }).isChecked()).toBe(true);
    expect(await person.getByRole('checkbox', { name: 'planlegger', exact: true }).isChecked()).toBe(false);
    expect(await person.getByRole('checkbox', { name: 'administrator', exact: true }).isChecked()).toBe(false);
    const unit = person.getByLabel('Enhet', { exact: true });
    expect(await unit.locator('option:checked').textContent()).toBe('Demo skole');
    await check(page, 'people with the invited person');

    // Their own form: planner instead of staff.
    await person.getByRole('checkbox', { name: 'planlegger', exact: true }).check();
    await person.getByRole('checkbox', { name: 'ansatt', exact: true }).uncheck();
    await page.getByRole('button', { name: 'Lagre rollene til Test Person' }).click();
    await page.waitForURL(/\/admin\/people$/);
    await expect.poll(() => person.getByRole('checkbox', { name: 'planlegger', exact: true }).isChecked()).toBe(true);
    expect(await person.getByRole('checkbox', { name: 'ansatt', exact: true }).isChecked()).toBe(false);
    expect(await person.getByRole('checkbox', { name: 'administrator', exact: true }).isChecked()).toBe(false);
    await check(page, 'people with changed roles');

    // The admin cannot take away their own admin role.
    const me = page.getByRole('group', { name: /^Ada Administrator/ });
    await me.getByRole('checkbox', { name: 'administrator', exact: true }).uncheck();
    await page.getByRole('button', { name: 'Lagre rollene til Ada Administrator' }).click();
    const lockout = 'Du kan ikke ta bort din egen administratorrolle. Be en annen administrator om det.';
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain(lockout);
    expect(await me.locator('.error-message').textContent()).toContain(lockout);
    expect(await page.title()).toMatch(/^Feil/);
    await check(page, 'people with the self-lockout message');

    // Nothing changed: still admin.
    await page.goto(`${ADMIN_BASE}/people`);
    expect(await me.getByRole('checkbox', { name: 'administrator', exact: true }).isChecked()).toBe(true);
    expect(await me.getByRole('checkbox', { name: 'ansatt', exact: true }).isChecked()).toBe(true);
    await check(page, 'people after the refused change');
    await page.context().close();
  });

  it('"Logg" lists what was done, and downloads as CSV', async () => {
    const page = await asAdminWithoutScript();
    await page.goto(`${ADMIN_BASE}/audit`);
    expect(await page.locator('h1').textContent()).toBe('Logg');
    // Each entry reads as a sentence: who, with role and unit, did what to whom; no raw codes.
    const sentences = await page.locator('tbody td:last-child').allTextContents();
    expect(sentences.filter((sentence) => /^Ada Administrator \((?=[^)]*administrator)(?=[^)]*Demo helsestasjon)[^)]*\) ga .+ tilgang eller endret rollene$/.test(sentence)).length).toBeGreaterThanOrEqual(2);
    expect(await page.locator('main').textContent()).not.toContain('membership.set');
    await check(page, 'audit log');

    const href = await page.getByRole('link', { name: 'Last ned loggen (CSV)' }).getAttribute('href');
    expect(href).toBe(`${ADMIN_BASE}/audit.csv`);
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('at,actor,action,target_type,target_id,via');
    expect(text).toContain('membership.set');
    expect(text).toContain('audit.export');
    await page.context().close();
  });

  it('"API-nøkler": a key is shown once, then revoked', async () => {
    const page = await asAdminWithoutScript();
    await page.goto(`${ADMIN_BASE}/tokens`);
    expect(await page.locator('h1').textContent()).toBe('API-nøkler');
    await check(page, 'tokens');

    // No name: the error summary and the message by the field.
    await page.getByRole('button', { name: 'Lag nøkkel' }).click();
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Skriv et navn (høyst 80 tegn)');
    expect(await page.locator('#token-name-error').textContent()).toContain('Skriv et navn (høyst 80 tegn)');
    expect(await page.getByLabel('Navn på systemet').getAttribute('aria-describedby')).toBe('token-name-error');
    await check(page, 'tokens with an error');

    await page.getByLabel('Navn på systemet').fill('Fagsystem');
    await page.getByRole('button', { name: 'Lag nøkkel' }).click();
    const secretField = page.getByLabel('Den nye nøkkelen');
    await expect.poll(() => secretField.count()).toBe(1);
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^mvk_/);
    expect(await secretField.getAttribute('readonly')).not.toBeNull();
    expect(await page.locator('main').textContent()).toContain('Kopier nøkkelen nå. Den vises bare denne ene gangen.');
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Fagsystem', exact: true }) });
    expect(await card.count()).toBe(1);
    await check(page, 'token created');

    // Loaded again (a GET, not the form sent again): the key is gone for good.
    await page.goto(`${ADMIN_BASE}/tokens`);
    expect(await page.getByLabel('Den nye nøkkelen').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    expect(await card.count()).toBe(1);
    await check(page, 'tokens after reloading');

    await page.getByRole('button', { name: 'Trekk tilbake Fagsystem' }).click();
    await expect.poll(() => card.textContent()).toContain('Trukket tilbake');
    expect(await page.getByRole('button', { name: 'Trekk tilbake Fagsystem' }).count()).toBe(0);
    await check(page, 'tokens with the key revoked');
    await page.context().close();
  });
});

describe('admin pages for a pointer', () => {
  it('makes every control a target of at least 24 × 24 px, the error summary’s links included', async () => {
    const page = await asAdmin();
    for (const part of ['people', 'audit', 'tokens', 'settings', 'cases']) {
      await page.goto(`${ADMIN_BASE}/${part}`);
      await expectTargetSizes(page, part);
    }
    await page.goto(`${ADMIN_BASE}/people`);
    await page.locator(`form[action="${ADMIN_BASE}/people"]`).getByRole('button', { name: 'Gi tilgang' }).click();
    await expect.poll(() => page.locator('.error-summary').count()).toBe(1);
    await expectTargetSizes(page, 'people with errors');
    await page.context().close();
  });
});

/** The settings as the form shows them. */
async function shownSettings(page: Page) {
  return {
    writtenStandard: await page.locator('input[name="writtenStandard"]:checked').getAttribute('value'),
    suppressionThreshold: await page.getByLabel('Minste gruppe i innsikt').inputValue(),
    draftTtlDays: await page.getByLabel('Dager lagrede svar tas vare på').inputValue(),
    linkVisibility: await page.locator('input[name="linkVisibility"]:checked').getAttribute('value'),
  };
}

describe('"Innstillinger"', () => {
  /** What Demo kommune had before these tests; other test files depend on it being kept. */
  let original: Awaited<ReturnType<typeof shownSettings>> | undefined;

  afterAll(async () => {
    // A safety net: if a test failed after saving something else, put the original values back.
    if (!original) return;
    const page = await asAdmin();
    await page.goto(`${ADMIN_BASE}/settings`);
    const now = await shownSettings(page);
    if (JSON.stringify(now) !== JSON.stringify(original)) {
      await page.request.post(`${ADMIN_BASE}/settings`, { form: original as Record<string, string> });
    }
    await page.context().close();
  });

  it('refuses a threshold below 3, then saves the original values again (JavaScript off, 320 px)', async () => {
    const page = await asAdminWithoutScript();
    await page.goto(`${ADMIN_BASE}/settings`);
    expect(await page.locator('h1').textContent()).toBe('Innstillinger');
    original = await shownSettings(page);
    expect(original.writtenStandard).toMatch(/^(nb|nn)$/);
    expect(original.suppressionThreshold).toMatch(/^\d+$/);
    await check(page, 'settings');

    const threshold = page.getByLabel('Minste gruppe i innsikt');
    await threshold.fill('2');
    await page.getByRole('button', { name: 'Lagre innstillingene' }).click();
    const message = 'Skriv et helt tall fra 3 til 100';
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain(message);
    expect(await page.locator('.error-summary').getByRole('link', { name: message }).getAttribute('href')).toBe('#suppressionThreshold');
    expect(await page.locator('#suppressionThreshold-error').textContent()).toContain(message);
    expect(await threshold.getAttribute('aria-describedby')).toContain('suppressionThreshold-error');
    expect(await threshold.inputValue()).toBe('2');
    expect(await page.title()).toMatch(/^Feil/);
    await check(page, 'settings with an error');

    // The values shown at first, saved again.
    await page.locator(`input[name="writtenStandard"][value="${original.writtenStandard}"]`).check();
    await threshold.fill(original.suppressionThreshold);
    await page.getByLabel('Dager lagrede svar tas vare på').fill(original.draftTtlDays);
    await page.locator(`input[name="linkVisibility"][value="${original.linkVisibility}"]`).check();
    await page.getByRole('button', { name: 'Lagre innstillingene' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Innstillingene er lagret.');
    expect(page.url()).toMatch(/\/admin\/settings\?saved=1$/);
    expect(await shownSettings(page)).toEqual(original);
    await check(page, 'settings saved');
    await page.context().close();
  });

  it('gives a unit a contact for families, which the page that explains our messages lists (JavaScript off, 320 px)', async () => {
    const page = await asAdminWithoutScript();
    await page.goto(`${ADMIN_BASE}/settings`);
    const contact = page.getByLabel('Kontakt for familier: Demo helsestasjon');
    const before = await contact.inputValue();
    await contact.fill('telefon 22 33 44 77');
    await page.getByRole('button', { name: 'Lagre kontakten til Demo helsestasjon' }).click();
    await page.waitForURL(/\/admin\/settings\?saved=1$/);
    expect(await page.getByLabel('Kontakt for familier: Demo helsestasjon').inputValue()).toBe('telefon 22 33 44 77');
    await check(page, 'settings with a unit contact');
    await page.goto('/m/demo/meldinger');
    expect(await page.locator('main').textContent()).toContain('Demo helsestasjon: telefon 22 33 44 77');
    await check(page, 'genuine-message page');
    await page.goto(`${ADMIN_BASE}/settings`);
    await page.getByLabel('Kontakt for familier: Demo helsestasjon').fill(before);
    await page.getByRole('button', { name: 'Lagre kontakten til Demo helsestasjon' }).click();
    await page.waitForURL(/\/admin\/settings\?saved=1$/);
    await page.context().close();
  });

  it('saves unchanged with the keyboard only', async () => {
    const page = await asAdmin();
    await page.goto(`${ADMIN_BASE}/settings`);
    const before = await shownSettings(page);
    if (original) expect(before).toEqual(original);
    await check(page, 'settings (JavaScript on)');

    await tabTo(page, `form[action="${ADMIN_BASE}/settings"] button[type="submit"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/settings\?saved=1$/);
    expect(await page.getByRole('status').textContent()).toBe('Innstillingene er lagret.');
    expect(await shownSettings(page)).toEqual(before);
    await check(page, 'settings saved with the keyboard');
    await page.context().close();
  });
});

describe('"Saker": the time to read a flagged answer', () => {
  it('refuses 0 by the field, then saves the value it had (JavaScript off, 320 px, keyboard only)', async () => {
    const page = await asAdminWithoutScript();
    await page.goto(`${ADMIN_BASE}/people`);
    await page.getByRole('navigation', { name: 'Administrasjon' }).getByRole('link', { name: 'Saker' }).click();
    await page.waitForURL(/\/admin\/cases$/);
    expect(await page.locator('h1').textContent()).toBe('Saker');
    const days = page.getByLabel('Frist for å lese svar som tyder på at barnet ikke er trygt (arbeidsdager)');
    const before = await days.inputValue();
    expect(before).toMatch(/^\d+$/);
    await check(page, 'case settings');

    await days.fill('0');
    await tabTo(page, `form[action="${ADMIN_BASE}/cases"] button[type="submit"]`);
    await page.keyboard.press('Enter');
    const message = 'Skriv et helt tall fra 1 til 10';
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain(message);
    expect(await page.locator('.error-summary').getByRole('link', { name: message }).getAttribute('href')).toBe('#flagReviewWorkingDays');
    expect(await page.locator('#flagReviewWorkingDays-error').textContent()).toContain(message);
    expect(await days.getAttribute('aria-describedby')).toContain('flagReviewWorkingDays-error');
    expect(await days.inputValue()).toBe('0');
    expect(await page.title()).toMatch(/^Feil/);
    await check(page, 'case settings with an error');

    await days.fill(before);
    await tabTo(page, `form[action="${ADMIN_BASE}/cases"] button[type="submit"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/cases\?saved=1$/);
    expect(await page.getByRole('status').textContent()).toBe('Fristen er lagret.');
    expect(await days.inputValue()).toBe(before);
    await check(page, 'case settings saved');
    await page.context().close();
  });
});

describe('the sign-in page, signed out with JavaScript off', () => {
  it('passes axe, and offers no provider when none is configured', async () => {
    const page = await newPage(browser(), { javaScriptEnabled: false, viewport: PHONE });
    await page.goto('/staff/sign-in');
    expect(await page.locator('h1').textContent()).toBe('Logg inn');
    expect(await page.getByLabel('E-postadresse').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Send meg en lenke' }).count()).toBe(1);
    expect(await page.locator('a[href^="/staff/sign-in/oidc/"]').count()).toBe(0);
    expect(await page.locator('main h2').count()).toBe(0);
    await check(page, 'sign-in page (signed out)');
    await page.context().close();
  });
});
