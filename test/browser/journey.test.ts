import { describe, expect, it } from 'vitest';
import { checkPage as check, expectAccessible, focusLook, newPage, tabTo, useBrowser } from './browser.ts';

const FORM = '/m/demo/barnets-stemme-demo';

const browser = useBrowser();


const TEXTS = {
  nb: { start: 'Start', next: 'Gå videre', send: 'Send inn', good: 'Bra', no: 'Nei', yes: 'Ja', teacher: 'En lærer', done: 'Svarene er sendt', decline: 'Jeg vil ikke svare', question: 'Hvordan har du det på skolen?', required: 'Svar på spørsmålet, eller velg «Jeg vil ikke svare»' },
  nn: { start: 'Start', next: 'Gå vidare', send: 'Send inn', good: 'Bra', no: 'Nei', yes: 'Ja', teacher: 'Ein lærar', done: 'Svara er sende', decline: 'Eg vil ikkje svara', question: 'Korleis har du det på skulen?', required: 'Svar på spørsmålet, eller vel «Eg vil ikkje svara»' },
  en: { start: 'Start now', next: 'Continue', send: 'Send', good: 'Good', no: 'No', yes: 'Yes', teacher: 'A teacher', done: 'Your answers have been sent', decline: 'I do not want to answer', question: 'How are things for you at school?', required: 'Answer the question, or choose “I do not want to answer”' },
} as const;

describe.each([
  ['nb', true],
  ['nn', false],
  ['en', true],
  ['nb', false],
] as const)('the whole journey in %s, JavaScript %s', (lang, javaScriptEnabled) => {
  it('is answerable page by page, accessible on every page, and ends with a receipt', async () => {
    const text = TEXTS[lang];
    const page = await newPage(browser(), { javaScriptEnabled, viewport: { width: 320, height: 640 } });
    await page.goto(`${FORM}?lang=${lang}`);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    await check(page, 'start page');
    await page.getByRole('button', { name: text.start, exact: true }).click();

    // Sending the first page empty shows the error summary and the message by the field.
    await expect.poll(() => page.locator('h1, legend').first().textContent()).toContain(text.question);
    await check(page, 'first question');
    await page.getByRole('button', { name: text.next }).click();
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain(text.required);
    await check(page, 'first question with an error');

    await page.getByRole('radio', { name: text.good, exact: true }).check();
    await page.getByRole('button', { name: text.next }).click();

    // Friends: the follow-up appears for "no" (live with JavaScript, always shown without).
    const followUp = page.locator('[data-show-if]');
    if (javaScriptEnabled) expect(await followUp.isHidden()).toBe(true);
    else expect(await followUp.isVisible()).toBe(true);
    await page.locator('input[name="has-friend"][value="no"]').check();
    await expect.poll(() => followUp.isVisible()).toBe(true);
    await check(page, 'friends page');
    await page.locator('input[name="wants-help-friend"][value="yes"]').check();
    await page.getByRole('button', { name: text.next }).click();

    await page.getByRole('checkbox', { name: text.teacher }).check();
    await page.getByRole('radio', { name: text.decline }).first().check();
    await check(page, 'adults page');
    await page.getByRole('button', { name: text.next }).click();

    await page.locator('textarea').fill('Mer tid ute, takk.');
    await check(page, 'last page');
    await page.getByRole('button', { name: text.next }).click();

    await expect.poll(() => page.locator('main').textContent()).toContain('Mer tid ute, takk.');
    await check(page, 'check your answers');
    await page.getByRole('button', { name: text.send, exact: true }).click();

    await expect.poll(() => page.locator('h1').textContent()).toContain(text.done);
    expect(await page.locator('.reference').textContent()).toMatch(/^MV-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await check(page, 'confirmation');
    await page.context().close();
  });
});

describe('keyboard only', () => {

  it('completes the form without a mouse', async () => {
    const page = await newPage(browser());
    await page.goto(FORM);
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/p\/school$/);

    await tabTo(page, 'input[name="school-feeling"]');
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[name="school-feeling"]:checked').getAttribute('value')).toBe('4');
    await tabTo(page, 'button[value="continue"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/p\/friends$/);

    await tabTo(page, 'input[name="has-friend"]');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[value="continue"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/p\/adults$/);

    await tabTo(page, 'button[value="continue"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/p\/wish$/);
    await tabTo(page, 'textarea');
    await page.keyboard.type('Takk!');
    await tabTo(page, 'button[value="continue"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/check$/);

    await tabTo(page, 'form button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/done$/);
    expect(await page.locator('.reference').textContent()).toMatch(/^MV-/);
    await page.context().close();
  });

  it('shows where the keyboard focus is: the focused skip link looks unlike the unfocused one', async () => {
    const page = await newPage(browser());
    await page.goto(FORM);
    const unfocused = await focusLook(page, 'a.skip');
    await tabTo(page, 'a.skip');
    expect(await focusLook(page, 'a.skip')).not.toEqual(unfocused);
    await page.context().close();
  });
});

describe('save and resume in the browser', () => {
  it('continues on a second device with the code, answers intact', async () => {
    const phone = await newPage(browser(), { javaScriptEnabled: false });
    await phone.goto(FORM);
    await phone.getByRole('button', { name: 'Start' }).click();
    await phone.getByRole('radio', { name: 'Veldig bra' }).check();
    await phone.getByRole('button', { name: 'Lagre og fortsett senere' }).click();
    await phone.waitForURL(/\/save$/);
    await expectAccessible(phone, 'save page');
    await phone.getByRole('button', { name: 'Lag en kode' }).click();
    const code = (await phone.locator('.code').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expectAccessible(phone, 'save page with code');

    const tablet = await newPage(browser());
    await tablet.goto(FORM);
    await tablet.getByRole('link', { name: /kode for å fortsette/ }).click();
    await expectAccessible(tablet, 'resume page');
    await tablet.getByLabel('Koden din').fill('nope');
    await tablet.getByRole('button', { name: 'Fortsett' }).click();
    await expect.poll(() => tablet.locator('.error-summary').textContent()).toContain('8 bokstaver');
    await expectAccessible(tablet, 'resume page with an error');
    await tablet.getByLabel('Koden din').fill(code);
    await tablet.getByRole('button', { name: 'Fortsett' }).click();
    await tablet.waitForURL(/\/p\/friends$/);
    await tablet.goto(`${FORM}/p/school`);
    expect(await tablet.getByRole('radio', { name: 'Veldig bra' }).isChecked()).toBe(true);
    await phone.context().close();
    await tablet.context().close();
  });

  it('saves in the background while the person answers (JavaScript on)', async () => {
    const page = await newPage(browser());
    await page.goto(FORM);
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('radio', { name: 'Sånn passe' }).check();
    await expect.poll(() => page.locator('.autosave-status').textContent(), { timeout: 10_000 }).toContain('lagret');
    // Reloading shows the answer saved in the background, though the page was never sent.
    await page.reload();
    expect(await page.getByRole('radio', { name: 'Sånn passe' }).isChecked()).toBe(true);
    await page.context().close();
  });
});
