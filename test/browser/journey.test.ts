import { describe, expect, it } from 'vitest';
import { checkPage as check, expectAccessible, focusLook, newPage, tabTo, useBrowser } from './browser.ts';

const FORM = '/m/demo/barnets-stemme-7-12';

const browser = useBrowser();


const TEXTS = {
  nb: { send: 'Send inn', done: 'Svarene er sendt', decline: 'Jeg vil ikke svare', title: 'Å være trygg' },
  nn: { send: 'Send inn', done: 'Svara er sende', decline: 'Eg vil ikkje svara', title: 'Å vera trygg' },
  en: { send: 'Send', done: 'Your answers have been sent', decline: 'I do not want to answer', title: 'Feeling safe' },
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
    await page.locator('button.button--start').click();

    // Error states and same-page conditions are walked in consent.test.ts; this form has neither.
    await expect.poll(() => page.locator('h1').first().textContent()).toContain(text.title);
    await check(page, 'first question');
    await page.locator('input[name="safe-home"][value="3"]').check();
    await page.locator('button[value="continue"]').click();

    await page.waitForURL(/\/p\/people$/);
    await page.locator('input[name="good-friend"][value="no"]').check();
    await page.getByRole('radio', { name: text.decline }).first().check();
    await check(page, 'people page');
    await page.locator('button[value="continue"]').click();

    for (const next of ['good', 'hard']) {
      await page.waitForURL(new RegExp(`/p/${next}$`));
      await check(page, `${next} page`);
      await page.locator('button[value="continue"]').click();
    }

    await page.waitForURL(/\/p\/next$/);
    await page.locator('input[name="who-at-meeting"][value="teacher"]').check();
    await page.locator('textarea').first().fill('Mer tid ute, takk.');
    await check(page, 'last page');
    await page.locator('button[value="continue"]').click();

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
    await page.waitForURL(/\/p\/safe$/);

    await tabTo(page, 'input[name="safe-home"]');
    for (let step = 0; step < 2; step++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[name="safe-home"]:checked').getAttribute('value')).toBe('3');
    await tabTo(page, 'button[value="continue"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/p\/people$/);

    await tabTo(page, 'input[name="trusted-adult"]');
    await page.keyboard.press('Space');
    for (const next of ['good', 'hard', 'next']) {
      await tabTo(page, 'button[value="continue"]');
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/p/${next}$`));
    }
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

describe('moving on with JavaScript', () => {
  it('takes one request a step, reads as a new page, and goes back with the browser', async () => {
    const page = await newPage(browser());
    await page.goto(FORM);
    const sent: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith(FORM)) sent.push(`${request.method()} ${new URL(request.url()).pathname}`);
    });

    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForURL(/\/p\/safe$/);
    // The POST answers with the first question: no second request for it.
    expect(sent).toEqual([`POST ${FORM}/start`]);
    await expect.poll(() => page.title()).toContain(TEXTS.nb.title);
    // Focus starts at the new page's heading, as a screen reader would read a fresh page.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await check(page, 'first question, shown in place');

    await page.locator('input[name="safe-home"][value="3"]').check();
    sent.length = 0;
    await page.locator('button[value="continue"]').click();
    await page.waitForURL(/\/p\/people$/);
    // (A background save may also have posted the page; no page was fetched with a GET.)
    expect(sent).toContain(`POST ${FORM}/p/safe`);
    expect(sent.filter((request) => request.startsWith('GET'))).toEqual([]);
    expect(await page.locator('input[name="safe-home"]').count()).toBe(0);

    // Back loads the earlier page afresh, with its saved answer.
    await page.goBack();
    await page.waitForURL(/\/p\/safe$/);
    await expect.poll(() => page.locator('input[name="safe-home"][value="3"]').isChecked()).toBe(true);
    await page.context().close();
  });
});

describe('save and resume in the browser', () => {
  it('continues on a second device with the code, answers intact', async () => {
    const phone = await newPage(browser(), { javaScriptEnabled: false });
    await phone.goto(FORM);
    await phone.getByRole('button', { name: 'Start' }).click();
    await phone.locator('input[name="safe-home"][value="3"]').check();
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
    await tablet.waitForURL(/\/p\/people$/);
    await tablet.goto(`${FORM}/p/safe`);
    expect(await tablet.locator('input[name="safe-home"][value="3"]').isChecked()).toBe(true);
    await phone.context().close();
    await tablet.context().close();
  });

  it('saves in the background while the person answers (JavaScript on)', async () => {
    const page = await newPage(browser());
    await page.goto(FORM);
    await page.getByRole('button', { name: 'Start' }).click();
    const snapshot = page.locator('input[name="_draft"]');
    const shown = await snapshot.inputValue();
    await page.locator('input[name="safe-home"][value="2"]').check();
    await expect.poll(() => page.locator('.autosave-status').textContent(), { timeout: 10_000 }).toContain('lagret');
    // The page now carries the draft as saved, so sending it next needs no read first.
    expect(await snapshot.inputValue()).not.toBe(shown);
    // Reloading shows the answer saved in the background, though the page was never sent.
    await page.reload();
    expect(await page.locator('input[name="safe-home"][value="2"]').isChecked()).toBe(true);
    await page.context().close();
  });
});
