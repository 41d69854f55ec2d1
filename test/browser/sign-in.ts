/** Staff sign-in as a person does it locally: ask for a link, read it in the outbox, confirm. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { checkPage } from './browser.ts';

/** Opens the development outbox and reads the newest sign-in link sent to this address. */
export async function signInLinkFromOutbox(page: Page, email: string) {
  await page.goto('/dev/outbox');
  // The mail is sent after the answer (waitUntil), so it may take a moment to appear.
  const mail = page.locator('.mail').filter({ hasText: `Til: ${email}` }).filter({ hasText: 'Lenke for å logge inn i medvirk' }).first();
  // (A loop, not expect.poll: this also runs in beforeAll, where expect.poll is not allowed.)
  for (let tries = 0; (await mail.count()) === 0; tries++) {
    if (tries === 20) throw new Error(`no mail to ${email} in the outbox`);
    await page.waitForTimeout(250);
    await page.reload();
  }
  await checkPage(page, 'outbox');
  expect(await mail.getByRole('heading', { level: 2 }).textContent()).toBe('Lenke for å logge inn i medvirk');
  const body = (await mail.locator('.mail-body').textContent()) ?? '';
  const link = body.match(/http:\/\/localhost:\d+\/staff\/sign-in\/verify\?token=[A-Za-z0-9_-]+/)?.[0];
  expect(link, `a sign-in link in the mail to ${email}:\n${body}`).toBeDefined();
  return link!;
}

/** Signs in through the sign-in page, the outbox and the verify page, checking each page. */
export async function signIn(page: Page, email: string) {
  await page.goto('/staff/sign-in');
  await checkPage(page, 'sign-in page');
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByRole('button', { name: 'Send meg en lenke' }).click();
  await page.locator('h1', { hasText: 'Sjekk e-posten din' }).waitFor();
  await checkPage(page, 'sign-in link sent');

  const link = await signInLinkFromOutbox(page, email);
  await page.goto(link);
  expect(await page.locator('h1').textContent()).toBe('Logg inn i medvirk');
  await checkPage(page, 'verify page');
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  await page.waitForURL(/\/staff$/);
  await checkPage(page, 'staff home');
}
