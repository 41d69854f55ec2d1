import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { Client, location, textOf } from './client.ts';
import { open } from '../../worker/core/sealed.ts';
import { keyringFor } from '../../worker/platform/keys.ts';
import { answersContext } from '../../worker/features/respond/index.ts';

const FORM = '/m/demo/fixture-child';

async function responsesFor(submissionRef: string) {
  return env.DB.prepare('SELECT * FROM responses WHERE reference = ?').bind(submissionRef).all();
}

/** A stored response's answers, opened: the demo form is not anonymous, so they are sealed at rest. */
async function answersOf(row: Record<string, unknown> | undefined) {
  return JSON.parse(await open(await keyringFor(env), JSON.parse(String(row?.answers)), answersContext(String(row?.id))));
}

/** Starts a draft and answers the first page, as a child would. */
async function started(client = new Client()) {
  const start = await client.post(`${FORM}/start`);
  expect(start.status).toBe(303);
  expect(location(start)).toBe(`${FORM}/p/school`);
  return client;
}

describe('the respondent journey', () => {
  it('goes from the start page through every page to a receipt', async () => {
    const client = new Client();
    const startPage = await client.get(FORM);
    expect(startPage.status).toBe(200);
    expect(await textOf(startPage)).toContain('Hva mener du?');

    await started(client);
    const first = await client.get(`${FORM}/p/school`);
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain('<html lang="nb"');
    expect(html).toContain('Hvordan har du det på skolen?');

    // A sad answer opens the page about what is hard.
    expect(location(await client.post(`${FORM}/p/school`, { 'school-feeling': '2' }))).toBe(`${FORM}/p/school-hard`);
    expect(location(await client.post(`${FORM}/p/school-hard`, { 'school-hard-text': 'Friminuttene er lange.' }))).toBe(`${FORM}/p/friends`);
    expect(location(await client.post(`${FORM}/p/friends`, { 'has-friend': 'no', 'wants-help-friend': 'yes' }))).toBe(`${FORM}/p/adults`);
    expect(location(await client.post(`${FORM}/p/adults`, [['listened-to', '3'], ['trusted-adults', 'teacher'], ['trusted-adults', 'parent']]))).toBe(`${FORM}/p/wish`);
    expect(location(await client.post(`${FORM}/p/wish`, { 'adults-should-know': '~' }))).toBe(`${FORM}/check`);

    const check = await textOf(await client.get(`${FORM}/check`));
    expect(check).toContain('Dårlig');
    expect(check).toContain('Friminuttene er lange.');
    // Multiple choice answers are shown in the form's order, not the order sent.
    expect(check.indexOf('Mamma, pappa')).toBeLessThan(check.indexOf('En lærer'));

    const submit = await client.post(`${FORM}/submit`);
    expect(location(submit)).toBe(`${FORM}/done`);
    const receipt = await textOf(await client.get(`${FORM}/done`));
    const reference = receipt.match(/MV-[0-9A-Z]{5}-[0-9A-Z]{5}/)?.[0];
    expect(reference).toBeDefined();

    const { results } = await responsesFor(reference ?? '');
    expect(results).toHaveLength(1);
    const stored = results[0] as Record<string, unknown>;
    expect(await answersOf(stored)).toEqual({
      'school-feeling': '2',
      'school-hard-text': 'Friminuttene er lange.',
      'has-friend': 'no',
      'wants-help-friend': 'yes',
      'listened-to': '3',
      'trusted-adults': ['parent', 'teacher'],
      'adults-should-know': '~',
    });
    expect(stored.form_id).toBe('fixture-child');
    expect(String(stored.form_version)).toMatch(/^[0-9a-f]{16}$/);
    // The form version is kept, so this response stays readable after the form changes.
    const version = await env.DB.prepare('SELECT definition FROM form_versions WHERE form_id = ? AND version = ?').bind(stored.form_id, stored.form_version).first();
    expect(version).not.toBeNull();
  });

  it('drops answers to questions a later change has hidden', async () => {
    const client = await started();
    await client.post(`${FORM}/p/school`, { 'school-feeling': '1' });
    await client.post(`${FORM}/p/school-hard`, { 'school-hard-text': 'Alt' });
    // Changing the first answer to a happy one hides the page about what is hard.
    expect(location(await client.post(`${FORM}/p/school`, { 'school-feeling': '5' }))).toBe(`${FORM}/p/friends`);
    await client.post(`${FORM}/p/friends`, { 'has-friend': 'yes', 'wants-help-friend': 'yes' });
    const check = await textOf(await client.get(`${FORM}/check`));
    expect(check).not.toContain('Alt ');
    expect(location(await client.post(`${FORM}/submit`))).toBe(`${FORM}/done`);
    const reference = (await textOf(await client.get(`${FORM}/done`))).match(/MV-[0-9A-Z-]{11}/)?.[0] ?? '';
    const answers = await answersOf((await responsesFor(reference)).results[0]);
    expect(answers).toEqual({ 'school-feeling': '5', 'has-friend': 'yes' });
  });

  it('lets a child decline any question, and records that', async () => {
    const client = await started();
    expect(location(await client.post(`${FORM}/p/school`, { 'school-feeling': '~declined' }))).toBe(`${FORM}/p/friends`);
    await client.post(`${FORM}/p/friends`, { 'has-friend': '~declined' });
    const check = await textOf(await client.get(`${FORM}/check`));
    expect(check).toContain('Vil ikke svare');
    expect(location(await client.post(`${FORM}/submit`))).toBe(`${FORM}/done`);
    // Declining is kept in the stored response, not just shown.
    const reference = (await textOf(await client.get(`${FORM}/done`))).match(/MV-[0-9A-Z-]{11}/)?.[0] ?? '';
    const answers = await answersOf((await responsesFor(reference)).results[0]);
    expect(answers).toEqual({ 'school-feeling': { declined: true }, 'has-friend': { declined: true } });
  });

  it('sends someone who types the address of a page not reached yet to the first answer still missing', async () => {
    const client = await started();
    const ahead = await client.get(`${FORM}/p/wish`);
    expect(ahead.status).toBe(303);
    expect(location(ahead)).toBe(`${FORM}/p/school`);
    await client.post(`${FORM}/p/school`, { 'school-feeling': '4' });
    expect(location(await client.get(`${FORM}/p/adults`))).toBe(`${FORM}/p/friends`);
    // Posting to a page not reached saves nothing either.
    expect(location(await client.post(`${FORM}/p/wish`, { 'adults-should-know': 'Hei' }))).toBe(`${FORM}/p/friends`);
    await client.post(`${FORM}/p/friends`, { 'has-friend': 'yes' });
    // With nothing required missing before it, a later page opens, and it is empty.
    const wish = await client.get(`${FORM}/p/wish`);
    expect(wish.status).toBe(200);
    expect(await wish.text()).not.toContain('Hei');
  });

  it('sends someone without a draft back to the start page', async () => {
    const response = await new Client().get(`${FORM}/p/school`);
    expect(response.status).toBe(303);
    expect(location(response)).toBe(FORM);
  });
});

describe('the progress line', () => {
  const progressOf = async (client: Client, page: string) => (await textOf(await client.get(`${FORM}/p/${page}`))).match(/Side (\d+) av (\d+)/)?.slice(1).map(Number);

  it('counts the same pages from the first page to the last, before and after a resume, and the start page agrees', async () => {
    // Seven questions on five pages, the page about what is hard among them until an answer rules it out.
    expect(await textOf(await new Client().get(FORM))).toContain('Det er 7 spørsmål.');
    const phone = await started();
    expect(await progressOf(phone, 'school')).toEqual([1, 5]);
    await phone.post(`${FORM}/p/school`, { 'school-feeling': '2' });
    expect(await progressOf(phone, 'school-hard')).toEqual([2, 5]);
    await phone.post(`${FORM}/p/school-hard`, { 'school-hard-text': 'Friminuttene.' });
    expect(await progressOf(phone, 'friends')).toEqual([3, 5]);
    expect(location(await phone.post(`${FORM}/p/friends`, { 'has-friend': 'yes', _action: 'save-later' }))).toBe(`${FORM}/save`);
    const code = (await textOf(await phone.post(`${FORM}/save`))).match(/[0-9A-Z]{4}-[0-9A-Z]{4}/)?.[0] ?? '';

    const tablet = new Client(undefined, '198.51.100.9');
    expect(location(await tablet.post(`${FORM}/resume`, { code }))).toBe(`${FORM}/p/adults`);
    expect(await progressOf(tablet, 'adults')).toEqual([4, 5]);
    expect(await progressOf(tablet, 'friends')).toEqual([3, 5]);
    await tablet.post(`${FORM}/p/adults`, { 'listened-to': '4' });
    expect(await progressOf(tablet, 'wish')).toEqual([5, 5]);
    // "Yes, I have a friend" ruled out the question about help with friends; the page stays.
    expect(await textOf(await tablet.get(FORM))).toContain('Det er 6 spørsmål.');
  });

  it('drops a conditional page from the count once, when the answer rules it out', async () => {
    const client = await started();
    await client.post(`${FORM}/p/school`, { 'school-feeling': '5' });
    expect(await progressOf(client, 'friends')).toEqual([2, 4]);
    expect(await progressOf(client, 'school')).toEqual([1, 4]);
    await client.post(`${FORM}/p/friends`, { 'has-friend': 'yes' });
    expect(await progressOf(client, 'wish')).toEqual([4, 4]);
    // Going on changes nothing; the start page counts the same questions the pages ask.
    expect(await textOf(await client.get(FORM))).toContain('Det er 5 spørsmål.');
  });
});

describe('languages', () => {
  it('shows nynorsk and English when asked, and remembers the choice', async () => {
    const client = await started();
    const nn = await client.get(`${FORM}/p/school?lang=nn`);
    const html = await nn.text();
    expect(html).toContain('<html lang="nn"');
    expect(html).toContain('Korleis har du det på skulen?');
    const next = await (await client.get(`${FORM}/p/school`)).text();
    expect(next).toContain('<html lang="nn"');
    const en = await (await client.get(`${FORM}/p/school?lang=en`)).text();
    expect(en).toContain('<html lang="en"');
    expect(en).toContain('How are things for you at school?');
  });

  it("uses the municipality's written standard by default and ignores languages it does not offer", async () => {
    const nynorsk = await new Client().get('/m/nynorsk/fixture-child?lang=de');
    expect(await nynorsk.text()).toContain('<html lang="nn"');
    const bokmal = await new Client().get(`${FORM}?lang=xx`);
    expect(await bokmal.text()).toContain('<html lang="nb"');
  });

  it('keeps saved answers when the language changes', async () => {
    const client = await started();
    await client.post(`${FORM}/p/school`, { 'school-feeling': '4' });
    const page = await (await client.get(`${FORM}/p/school?lang=en`)).text();
    expect(page).toMatch(/<input[^>]*value="4"[^>]*\schecked/);
  });
});

describe('security', () => {
  it('sends strict headers and a __Host- draft cookie', async () => {
    const client = new Client();
    const start = await client.post(`${FORM}/start`);
    const cookie = start.headers.getSetCookie().find((value) => value.startsWith('__Host-d-demo-fixture-child='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//i);
    const page = await client.get(`${FORM}/p/school`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a cross-site form post and changes nothing', async () => {
    const client = await started();
    const response = await client.post(`${FORM}/p/school`, { 'school-feeling': '5' }, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(response.status).toBe(403);
    const page = await (await client.get(`${FORM}/p/school`)).text();
    expect(page).not.toMatch(/<input[^>]*\schecked/);
  });
});
