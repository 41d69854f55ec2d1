/**
 * The page script's way through the journey: a POST sent with FOLLOW_HEADER answers with the
 * page its redirect would lead to, as that page's GET shows it, so a step is one round trip.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { FOLLOW_HEADER } from '../../worker/engine/paths.ts';
import { Client, location, textOf } from './client.ts';

const FORM = '/m/demo/fixture-child';
const FOLLOW = { [FOLLOW_HEADER]: '1' };

const withoutSnapshot = (html: string) => html.replace(/(name="_draft" value=")[^"]+"/, '$1…"');

/** A followed POST must show where its redirect leads, and exactly what a GET there shows. */
async function followed(client: Client, path: string, fields: [string, string][] | Record<string, string>, next: string) {
  const response = await client.post(`${FORM}${path}`, fields, FOLLOW);
  expect(response.status, path).toBe(200);
  expect(response.headers.get('content-location'), path).toBe(`${FORM}${next}`);
  // The same page to the byte (but for its snapshot of the draft, sealed afresh each time):
  // its form posts to its own address, its links lead where the GET's do.
  const shown = await response.text();
  expect(withoutSnapshot(shown)).toBe(withoutSnapshot(await (await client.get(`${FORM}${next}`)).text()));
  return shown.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('a journey POST asked to follow', () => {
  it('answers each step with the next page, and stores the response once', async () => {
    const client = new Client();
    expect(await followed(client, '/start', {}, '/p/school')).toContain('Hvordan har du det på skolen?');
    // A sad answer opens the page about what is hard, as it does with a redirect.
    await followed(client, '/p/school', { 'school-feeling': '2' }, '/p/school-hard');
    await followed(client, '/p/school-hard', { 'school-hard-text': 'Friminuttene er lange.' }, '/p/friends');
    await followed(client, '/p/friends', { 'has-friend': 'yes' }, '/p/adults');
    await followed(client, '/p/adults', [['listened-to', '3'], ['trusted-adults', 'teacher']], '/p/wish');
    const check = await followed(client, '/p/wish', { 'adults-should-know': 'Mer tid ute.' }, '/check');
    expect(check).toContain('Friminuttene er lange.');

    const receipt = await followed(client, '/submit', {}, '/done');
    const reference = receipt.match(/MV-[0-9A-Z]{5}-[0-9A-Z]{5}/)?.[0];
    expect(reference).toBeDefined();
    const { results } = await env.DB.prepare('SELECT id FROM responses WHERE reference = ?').bind(reference ?? '').all();
    expect(results).toHaveLength(1);

    // Sent again (a retry on a flaky line), the submit shows the same receipt and stores nothing more.
    const again = await client.post(`${FORM}/submit`, {}, FOLLOW);
    expect(await textOf(await client.get(location(again)))).toContain(reference!);
    expect((await env.DB.prepare('SELECT id FROM responses WHERE reference = ?').bind(reference ?? '').all()).results).toHaveLength(1);
  });

  it('shows a page with errors where it is, without claiming another address', async () => {
    const client = new Client();
    await followed(client, '/start', {}, '/p/school');
    const response = await client.post(`${FORM}/p/school`, {}, FOLLOW);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-location')).toBeNull();
    expect(await response.text()).toContain('data-error-summary');
  });

  it('shows the save page for "save and come back later", the answer kept', async () => {
    const client = new Client();
    await followed(client, '/start', {}, '/p/school');
    await followed(client, '/p/school', { 'school-feeling': '4', _action: 'save-later' }, '/save');
    const page = await client.get(`${FORM}/p/school`);
    expect(await page.text()).toMatch(/value="4"[^>]*checked|checked[^>]*value="4"/);
  });

  it('still redirects a POST that does not ask, as a browser without the script sends it', async () => {
    const client = new Client();
    const start = await client.post(`${FORM}/start`);
    expect(start.status).toBe(303);
    expect(location(start)).toBe(`${FORM}/p/school`);
    expect(start.headers.get('content-location')).toBeNull();
  });
});
