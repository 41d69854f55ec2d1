/**
 * A test form shaped like a guardian's consent (test/fixtures/browser-forms/fixture-kinds.json,
 * served only in the browser tests) in a real Chromium: the question types the child's form
 * does not have — info block, short text, national ID, agency table, single
 * choice with a same-page conditional question, date, number with unit and signature.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkPage as check, newPage, toNextPage, useBrowser } from './browser.ts';

const FORM = '/m/demo/fixture-kinds';

const browser = useBrowser();


/** What the element's aria-describedby points at, as a screen reader would read it after the name. */
const description = (locator: Locator) =>
  locator.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
      .join(' '),
  );

/** Norwegian national identity number: nine digits plus the two mod-11 check digits. */
function withCheckDigits(nine: string): string {
  const digit = (digits: string, weights: number[]) => {
    const rest = weights.reduce((sum, weight, index) => sum + weight * Number(digits[index]), 0) % 11;
    const control = rest === 0 ? 0 : 11 - rest;
    if (control === 10) throw new Error(`${digits} has no valid check digit`);
    return String(control);
  };
  const first = nine + digit(nine, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
  return first + digit(first, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
}

const VALID_ID = withCheckDigits('010101500');
const INVALID_ID = '01010112345';
const MASKED_ID = '010101 *****';
const CHILD_NAME = 'Ola Nordmann';
const SIGNER = 'Kari Nordmann';
const SUBJECT = 'Skolegang og lesing';
/** A year safely in the future, so the date passes the form's `min: today`. */
const YEAR = new Date().getFullYear() + 4;

const AGENCIES = ['health-station', 'school', 'kindergarten', 'gp', 'child-welfare', 'ppt', 'nav'] as const;
type Agency = (typeof AGENCIES)[number];
/** A mix of approve and decline, so the check page must tell them apart per service. */
const DECISIONS: Record<Agency, 'approve' | 'decline'> = {
  'health-station': 'approve',
  school: 'approve',
  kindergarten: 'decline',
  gp: 'approve',
  'child-welfare': 'decline',
  ppt: 'approve',
  nav: 'decline',
};

const TEXTS = {
  nb: {
    start: 'Start',
    next: 'Gå videre',
    send: 'Send inn',
    change: 'Endre',
    done: 'Svarene er sendt',
    summaryTitle: 'Noe må rettes',
    infoTitle: 'Dette betyr samtykket',
    infoBody: 'Samtykket gis til en tjeneste, ikke til en bestemt ansatt.',
    childName: 'Barnets fulle navn',
    nationalId: 'Barnets fødselsnummer',
    idHint: '11 sifre',
    requiredText: 'Skriv et svar',
    requiredNationalId: 'Skriv inn fødselsnummeret (11 sifre)',
    nationalIdChecksum: 'Fødselsnummeret er ikke gyldig. Se etter om du har skrevet feil',
    savedMasked: `Lagret: ${MASKED_ID}. La feltet stå tomt for å beholde det.`,
    agencies: {
      'health-station': 'Helsestasjon og skolehelsetjeneste',
      school: 'Skole',
      kindergarten: 'Barnehage',
      gp: 'Fastlege',
      'child-welfare': 'Barnevern',
      ppt: 'PP-tjenesten',
      nav: 'NAV',
    },
    approve: 'Samtykker',
    decline: 'Samtykker ikke',
    agencyMissing: 'Velg «Samtykker» eller «Samtykker ikke» for hver tjeneste',
    scopeLimited: 'Bare et bestemt tema',
    subject: 'Hvilket tema?',
    conditionalNote: 'Svar på dette bare hvis det passer med svaret ditt over.',
    day: 'Dag',
    month: 'Måned',
    year: 'År',
    dateInvalid: 'Datoen finnes ikke. Skriv for eksempel 17 5 2015',
    count: 'Hvor mange har foreldreansvar for barnet?',
    unit: 'personer',
    numberTooLarge: 'Tallet må være 2 eller mindre',
    signatureName: 'Fullt navn',
    confirm: 'Jeg har foreldreansvar for barnet og samtykker som beskrevet over',
    requiredSignature: 'Skriv fullt navn og kryss av for at du bekrefter',
    signatureConfirm: 'Kryss av for at du bekrefter',
    signedBy: `Signert av ${SIGNER}`,
  },
  nn: {
    start: 'Start',
    next: 'Gå vidare',
    send: 'Send inn',
    change: 'Endra',
    done: 'Svara er sende',
    summaryTitle: 'Noko må rettast',
    infoTitle: 'Dette tyder samtykket',
    infoBody: 'Samtykket blir gitt til ei teneste, ikkje til ein bestemt tilsett.',
    childName: 'Fullt namn på barnet',
    nationalId: 'Fødselsnummeret til barnet',
    idHint: '11 siffer',
    requiredText: 'Skriv eit svar',
    requiredNationalId: 'Skriv inn fødselsnummeret (11 siffer)',
    nationalIdChecksum: 'Fødselsnummeret er ikkje gyldig. Sjå etter om du har skrive feil',
    savedMasked: `Lagra: ${MASKED_ID}. La feltet stå tomt for å behalda det.`,
    agencies: {
      'health-station': 'Helsestasjon og skulehelseteneste',
      school: 'Skule',
      kindergarten: 'Barnehage',
      gp: 'Fastlege',
      'child-welfare': 'Barnevern',
      ppt: 'PP-tenesta',
      nav: 'NAV',
    },
    approve: 'Samtykkjer',
    decline: 'Samtykkjer ikkje',
    agencyMissing: 'Vel «Samtykkjer» eller «Samtykkjer ikkje» for kvar teneste',
    scopeLimited: 'Berre eit bestemt tema',
    subject: 'Kva tema?',
    conditionalNote: 'Svar på dette berre viss det passar med svaret ditt over.',
    day: 'Dag',
    month: 'Månad',
    year: 'År',
    dateInvalid: 'Datoen finst ikkje. Skriv til dømes 17 5 2015',
    count: 'Kor mange har foreldreansvar for barnet?',
    unit: 'personar',
    numberTooLarge: 'Talet må vera 2 eller mindre',
    signatureName: 'Fullt namn',
    confirm: 'Eg har foreldreansvar for barnet og samtykkjer som skildra over',
    requiredSignature: 'Skriv fullt namn og kryss av for at du stadfestar',
    signatureConfirm: 'Kryss av for at du stadfestar',
    signedBy: `Signert av ${SIGNER}`,
  },
  en: {
    start: 'Start now',
    next: 'Continue',
    send: 'Send',
    change: 'Change',
    done: 'Your answers have been sent',
    summaryTitle: 'There is a problem',
    infoTitle: 'What the consent means',
    infoBody: 'Consent is given to a service, not to a particular employee.',
    childName: "The child's full name",
    nationalId: "The child's national identity number",
    idHint: '11 digits',
    requiredText: 'Enter an answer',
    requiredNationalId: 'Enter the national identity number (11 digits)',
    nationalIdChecksum: 'The national identity number is not valid. Check that you entered it correctly',
    savedMasked: `Saved: ${MASKED_ID}. Leave this field empty to keep it.`,
    agencies: {
      'health-station': 'Health station and school health service',
      school: 'School',
      kindergarten: 'Kindergarten',
      gp: 'GP (family doctor)',
      'child-welfare': 'Child welfare service',
      ppt: 'Educational psychology service (PPT)',
      nav: 'NAV (welfare office)',
    },
    approve: 'I consent',
    decline: 'I do not consent',
    agencyMissing: 'Choose "I consent" or "I do not consent" for each service',
    scopeLimited: 'Only a particular subject',
    subject: 'Which subject?',
    conditionalNote: 'Only answer this if it fits your answer above.',
    day: 'Day',
    month: 'Month',
    year: 'Year',
    dateInvalid: 'The date does not exist. For example, enter 17 5 2015',
    count: 'How many people have parental responsibility for the child?',
    unit: 'people',
    numberTooLarge: 'The number must be 2 or less',
    signatureName: 'Full name',
    confirm: 'I have parental responsibility for the child and consent as described above',
    requiredSignature: 'Enter your full name and tick the box to confirm',
    signatureConfirm: 'Tick the box to confirm',
    signedBy: `Signed by ${SIGNER}`,
  },
} as const;

type Texts = (typeof TEXTS)[keyof typeof TEXTS];

/** The error summary, found by its role and its heading, and the messages it links to. */
async function summaryMessages(page: Page, text: Texts): Promise<string[]> {
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: text.summaryTitle }) });
  await expect.poll(() => summary.isVisible()).toBe(true);
  return (await summary.getByRole('link').allTextContents()).map((message) => message.trim());
}

/**
 * Follows an error summary link and checks it lands on the field. Without JavaScript the
 * browser follows the fragment; with it, the island keeps the address and moves focus instead.
 */
async function followSummaryLink(page: Page, text: Texts, message: string, fieldId: string, javaScriptEnabled: boolean) {
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: text.summaryTitle }) });
  await summary.getByRole('link', { name: message, exact: true }).click();
  if (javaScriptEnabled) {
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(fieldId);
  } else {
    await expect.poll(() => page.url()).toMatch(new RegExp(`#${fieldId}$`));
  }
}

/** Every line of every answer on the check page, one per shown value. */
const answerLines = async (page: Page) => (await page.locator('.summary dd .line').allTextContents()).map((line) => line.trim());

describe.each([
  ['nb', true],
  ['nb', false],
  ['nn', true],
  ['nn', false],
  ['en', true],
  ['en', false],
] as const)('the consent form in %s, JavaScript %s', (lang, javaScriptEnabled) => {
  it('is answerable page by page with every error shown accessibly, never echoes the national ID, and ends with a receipt', { timeout: 180_000 }, async () => {
    const text = TEXTS[lang];
    const page = await newPage(browser(), { javaScriptEnabled, viewport: { width: 320, height: 640 } });
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    const next = () => toNextPage(page, () => button(text.next).click());

    // Start page.
    await page.goto(`${FORM}?lang=${lang}`);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    await check(page, 'start page');
    await toNextPage(page, () => button(text.start).click());

    // Info block: the page's only "question" is its heading, with the body text under it.
    await page.waitForURL(/\/p\/about$/);
    expect(await page.getByRole('heading', { level: 1, name: text.infoTitle }).isVisible()).toBe(true);
    expect(await page.getByText(text.infoBody).isVisible()).toBe(true);
    await check(page, 'info page');
    await next();

    // The child: both required, then an invalid national ID, then a valid one.
    await page.waitForURL(/\/p\/child$/);
    const childName = page.getByRole('textbox', { name: text.childName, exact: true });
    const nationalId = page.getByRole('textbox', { name: text.nationalId, exact: true });
    expect(await childName.isVisible()).toBe(true);
    expect(await description(nationalId)).toContain(text.idHint);
    await check(page, 'child page');
    await next();
    expect(await summaryMessages(page, text)).toEqual([text.requiredText, text.requiredNationalId]);
    expect(await description(childName)).toContain(text.requiredText);
    expect(await description(nationalId)).toContain(text.requiredNationalId);
    await check(page, 'child page with two errors');
    await followSummaryLink(page, text, text.requiredText, 'q-child-name', javaScriptEnabled);
    await followSummaryLink(page, text, text.requiredNationalId, 'q-child-national-id', javaScriptEnabled);

    await childName.fill(CHILD_NAME);
    await nationalId.fill(INVALID_ID);
    await next();
    expect(await summaryMessages(page, text)).toEqual([text.nationalIdChecksum]);
    expect(await description(nationalId)).toContain(text.nationalIdChecksum);
    expect(await nationalId.getAttribute('aria-invalid')).toBe('true');
    expect(await childName.inputValue()).toBe(CHILD_NAME);
    expect(await childName.getAttribute('aria-invalid')).toBeNull();
    await check(page, 'child page with an invalid national ID');
    await nationalId.fill(VALID_ID);
    await next();

    // Agencies: a half-filled table is refused, its rows kept; then every row.
    await page.waitForURL(/\/p\/agencies$/);
    const decide = (agency: Agency, decision: 'approve' | 'decline') =>
      page.getByRole('group', { name: text.agencies[agency], exact: true }).getByRole('radio', { name: text[decision], exact: true });
    await check(page, 'agencies page');
    const early = AGENCIES.slice(0, 3);
    for (const agency of early) await decide(agency, DECISIONS[agency]).check();
    await next();
    expect(await summaryMessages(page, text)).toEqual([text.agencyMissing]);
    for (const agency of early) expect(await decide(agency, DECISIONS[agency]).isChecked(), `${agency} kept`).toBe(true);
    await check(page, 'agencies page with an error');
    await followSummaryLink(page, text, text.agencyMissing, 'q-agencies-health-station-approve', javaScriptEnabled);
    for (const agency of AGENCIES.slice(3)) await decide(agency, DECISIONS[agency]).check();
    await next();

    // Limits: the subject question belongs to the "limited" answer on the same page.
    await page.waitForURL(/\/p\/limits$/);
    const subject = page.getByRole('textbox', { name: text.subject, exact: true });
    const note = page.getByText(text.conditionalNote);
    if (javaScriptEnabled) {
      expect(await subject.isHidden(), 'subject hidden until "limited" is chosen').toBe(true);
      expect(await note.isHidden()).toBe(true);
    } else {
      expect(await subject.isVisible(), 'subject always shown without JavaScript').toBe(true);
      expect(await note.isVisible()).toBe(true);
    }
    await check(page, 'limits page');
    await page.getByRole('radio', { name: text.scopeLimited, exact: true }).check();
    await expect.poll(() => subject.isVisible()).toBe(true);
    if (javaScriptEnabled) await check(page, 'limits page with the subject shown');
    const day = page.getByRole('textbox', { name: text.day, exact: true });
    const month = page.getByRole('textbox', { name: text.month, exact: true });
    const year = page.getByRole('textbox', { name: text.year, exact: true });
    await day.fill('31');
    await month.fill('2');
    await year.fill(String(YEAR));
    await next();
    expect(await summaryMessages(page, text)).toEqual([text.requiredText, text.dateInvalid]);
    expect(await subject.isVisible(), 'the unanswered subject is shown with its error').toBe(true);
    expect(await description(subject)).toContain(text.requiredText);
    expect(await page.getByRole('radio', { name: text.scopeLimited, exact: true }).isChecked()).toBe(true);
    expect([await day.inputValue(), await month.inputValue(), await year.inputValue()]).toEqual(['31', '2', String(YEAR)]);
    await check(page, 'limits page with two errors');
    await followSummaryLink(page, text, text.requiredText, 'q-scope-subject', javaScriptEnabled);
    await followSummaryLink(page, text, text.dateInvalid, 'q-valid-until-day', javaScriptEnabled);
    await subject.fill(SUBJECT);
    await month.fill('12');
    await next();

    // Signing: a number out of range, a missing signature, an unconfirmed one, then all right.
    await page.waitForURL(/\/p\/sign$/);
    const count = page.getByRole('textbox', { name: text.count, exact: true });
    const signer = page.getByRole('textbox', { name: text.signatureName, exact: true });
    const confirm = page.getByRole('checkbox', { name: text.confirm, exact: true });
    expect(await page.getByText(text.unit, { exact: true }).isVisible()).toBe(true);
    await check(page, 'sign page');
    await count.fill('3');
    await next();
    expect(await summaryMessages(page, text)).toEqual([text.numberTooLarge, text.requiredSignature]);
    expect(await description(count)).toContain(text.numberTooLarge);
    expect(await count.inputValue()).toBe('3');
    await check(page, 'sign page with two errors');
    await followSummaryLink(page, text, text.numberTooLarge, 'q-guardian-count', javaScriptEnabled);
    await followSummaryLink(page, text, text.requiredSignature, 'q-signature-name', javaScriptEnabled);
    await count.fill('2');
    await signer.fill(SIGNER);
    await next();
    expect(await summaryMessages(page, text)).toEqual([text.signatureConfirm]);
    expect(await signer.inputValue()).toBe(SIGNER);
    expect(await confirm.isChecked()).toBe(false);
    expect(await count.inputValue()).toBe('2');
    await check(page, 'sign page with an unconfirmed signature');
    await confirm.check();
    await next();

    // Check your answers: every answer in words, the national ID only masked.
    await page.waitForURL(/\/check$/);
    const expectCheckPage = async (label: string) => {
      const lines = await answerLines(page);
      expect(lines).toContain(CHILD_NAME);
      expect(lines).toContain(MASKED_ID);
      for (const agency of AGENCIES) expect(lines).toContain(`${text.agencies[agency]}: ${text[DECISIONS[agency]]}`);
      expect(lines).toContain(text.scopeLimited);
      expect(lines).toContain(SUBJECT);
      expect(lines).toContain(`31.12.${YEAR}`);
      expect(lines).toContain(`2 ${text.unit}`);
      expect(lines).toContain(text.signedBy);
      expect(await page.content(), 'the full national ID is never in the page').not.toContain(VALID_ID);
      await check(page, label);
    };
    await expectCheckPage('check your answers');

    // Back to the child page: the number is not filled in again, only described masked.
    await toNextPage(page, () => page.getByRole('link', { name: `${text.change} ${text.nationalId}`, exact: true }).click());
    expect(page.url()).toMatch(/\/p\/child#q-child-national-id$/);
    expect(await nationalId.inputValue()).toBe('');
    expect(await description(nationalId)).toContain(text.savedMasked);
    expect(await childName.inputValue()).toBe(CHILD_NAME);
    expect(await page.content(), 'the full national ID is never in the page').not.toContain(VALID_ID);
    await check(page, 'child page with a saved national ID');
    // Left empty, the saved number is kept; the later pages still hold their answers.
    await next();
    for (const step of ['agencies', 'limits', 'sign']) {
      await page.waitForURL(new RegExp(`/p/${step}$`));
      await next();
    }
    await page.waitForURL(/\/check$/);
    await expectCheckPage('check your answers after changing nothing');

    await toNextPage(page, () => button(text.send).click());
    await page.waitForURL(/\/done$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(text.done);
    expect((await page.locator('.reference').textContent())?.trim()).toMatch(/^MV-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await check(page, 'confirmation');
    await page.context().close();
  });
});
