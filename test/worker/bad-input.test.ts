import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../worker/core/secrets.ts';
import { Client, textOf } from './client.ts';
import { draftAnswers } from './sealed-draft.ts';

const FORM = '/m/demo/fixture-child';
const CONSENT = '/m/demo/fixture-kinds';

/** This client's own draft, found the way the app finds it: by the hash of the cookie's key. */
async function draftRow(client: Client) {
  const key = [...client.cookies.values()][0] ?? '';
  const row = await env.DB.prepare('SELECT d.* FROM drafts d JOIN draft_keys k ON k.draft_id = d.id WHERE k.key_hash = ?').bind(await sha256Hex(key)).first();
  expect(row).not.toBeNull();
  return row as Record<string, unknown>;
}

async function startedAt(form: string) {
  const client = new Client();
  await client.post(`${form}/start`);
  return client;
}

describe('bad input gets a clear answer and changes nothing', () => {
  it('unknown form or municipality: 404 page in the person’s language', async () => {
    const unknownForm = await new Client().get('/m/demo/no-such-form');
    expect(unknownForm.status).toBe(404);
    expect(await textOf(unknownForm)).toContain('Skjemaet finnes ikke');
    const unknownMunicipality = await new Client().get('/m/nowhere/fixture-child?lang=en');
    expect(unknownMunicipality.status).toBe(404);
    const english = await unknownMunicipality.text();
    expect(english).toContain('<html lang="en"');
    expect(english).toContain('This form does not exist here, or it is closed.');
    const unknownPage = await (await startedAt(FORM)).get(`${FORM}/p/no-such-page?lang=nn`);
    expect(unknownPage.status).toBe(404);
    const nynorsk = await unknownPage.text();
    expect(nynorsk).toContain('<html lang="nn"');
    expect(nynorsk).toContain('Sida finst ikkje');
  });

  it('unknown form version: 409 page, draft untouched', async () => {
    const client = await startedAt(FORM);
    const before = await draftRow(client);
    await env.DB.prepare('UPDATE drafts SET form_version = ? WHERE id = ?').bind('0000000000000000', before.id).run();
    const response = await client.get(`${FORM}/p/school`);
    expect(response.status).toBe(409);
    expect(await textOf(response)).toContain('Skjemaet er endret');
    // The unusable draft is forgotten, so the start page starts afresh.
    expect(client.cookies.size).toBe(0);
  });

  it('an older stored version of the form is still used for a draft started on it', async () => {
    const client = await startedAt(FORM);
    const draft = await draftRow(client);
    const stored = await env.DB.prepare('SELECT definition FROM form_versions WHERE form_id = ? AND version = ?').bind('fixture-child', draft.form_version).first<{ definition: string }>();
    const old = JSON.parse(stored?.definition ?? '{}');
    old.pages[0].questions[0].label.nb = 'Hvordan trives du på skolen (gammel utgave)?';
    await env.DB.prepare('INSERT INTO form_versions (form_id, version, definition, first_used_at) VALUES (?, ?, ?, 0)').bind('fixture-child', 'old0000000000000', JSON.stringify(old)).run();
    await env.DB.prepare('UPDATE drafts SET form_version = ? WHERE id = ?').bind('old0000000000000', draft.id).run();
    expect(await textOf(await client.get(`${FORM}/p/school`))).toContain('(gammel utgave)');
  });

  it('unknown or tampered fields: 400, nothing saved', async () => {
    const client = await startedAt(FORM);
    const response = await client.post(`${FORM}/p/school`, { 'school-feeling': '5', 'is-admin': 'yes' });
    expect(response.status).toBe(400);
    expect(await textOf(response)).toContain('Ingenting er endret');
    // In English when the person reads English, and the same as JSON for background saving.
    const english = await client.post(`${FORM}/p/school?lang=en`, { 'school-feeling': '5', 'is-admin': 'yes' });
    expect(english.status).toBe(400);
    expect(await textOf(english)).toContain('Nothing has been changed.');
    const json = await client.post(`${FORM}/p/school`, { 'school-feeling': '5', 'is-admin': 'yes', _action: 'autosave' }, { accept: 'application/json' });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: 'unknownFields', fields: ['is-admin'] });
    expect(await draftAnswers(await draftRow(client))).toEqual({});
  });

  it('a value that is not an option: the page again with a message, nothing saved', async () => {
    const client = await startedAt(FORM);
    const response = await client.post(`${FORM}/p/school`, { 'school-feeling': '9' });
    expect(response.status).toBe(422);
    expect(await textOf(response)).toContain('Velg et av svarene i listen');
    expect(await draftAnswers(await draftRow(client))).toEqual({});
  });

  it('missing required answer: error summary linked to the field, message beside it', async () => {
    const client = await startedAt(FORM);
    const response = await client.post(`${FORM}/p/school`, {});
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('<title>Feil:');
    // Declining is allowed here, so the message says how: declining is never an error.
    expect(html).toMatch(/class="error-summary"[\s\S]*href="#q-school-feeling-1"[^>]*>Svar på spørsmålet, eller velg «Jeg vil ikke svare»/);
    expect(html).toMatch(/<fieldset class="fieldset" aria-describedby="q-school-feeling-error">/);
    expect(html).toContain('id="q-school-feeling-error"');
  });

  it('text over the limit: error, and the typed text is shown again', async () => {
    const client = await startedAt(FORM);
    await client.post(`${FORM}/p/school`, { 'school-feeling': '1' });
    const long = 'å'.repeat(1001);
    const response = await client.post(`${FORM}/p/school-hard`, { 'school-hard-text': long });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Du kan skrive opptil 1000 tegn, og du har skrevet 1001');
    expect(html).toContain(long);
    expect(await draftAnswers(await draftRow(client))).toEqual({ 'school-feeling': '1' });
  });

  it('invalid national ID: specific message, never stored', async () => {
    const client = await startedAt(CONSENT);
    const response = await client.post(`${CONSENT}/p/child`, { 'child-name': 'Kari Nordmann', 'child-national-id': '01010112345' });
    expect(response.status).toBe(422);
    expect(await textOf(response)).toContain('Fødselsnummeret er ikke gyldig');
    expect(await draftAnswers(await draftRow(client))).toEqual({});
  });

  it('a saved national ID is never sent back in full', async () => {
    const client = await startedAt(CONSENT);
    const valid = '01010150074';
    const saved = await client.post(`${CONSENT}/p/child`, { 'child-name': 'Kari Nordmann', 'child-national-id': valid });
    expect(saved.status).toBe(303);
    const again = await (await client.get(`${CONSENT}/p/child`)).text();
    expect(again).not.toContain(valid);
    expect(again).toContain('010101 *****');
    // Leaving the field empty keeps the saved number.
    expect((await client.post(`${CONSENT}/p/child`, { 'child-name': 'Kari Nordmann', 'child-national-id': '' })).status).toBe(303);
    const check = await (await client.get(`${CONSENT}/check`)).text();
    expect(check).not.toContain(valid);
    // The information-only page has nothing to check, so it gets no empty section.
    expect(check).not.toContain('<h2>Om samtykket</h2>');
  });

  it('wrong content type: 415, in JSON when JSON is asked for', async () => {
    const client = await startedAt(FORM);
    const response = await client.request(`${FORM}/p/school`, {
      method: 'POST',
      body: JSON.stringify({ 'school-feeling': '5' }),
      headers: { 'content-type': 'application/json', accept: 'application/json', origin: 'https://medvirk.test' },
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: 'unsupportedContentType' });
  });

  it('a body over 1 MB: 413, nothing saved', async () => {
    const client = await startedAt(FORM);
    const response = await client.post(`${FORM}/p/school`, { 'school-feeling': '5', padding: 'x'.repeat(1024 * 1024 + 10) });
    expect(response.status).toBe(413);
    expect(await draftAnswers(await draftRow(client))).toEqual({});
  });

  it('a file upload is refused', async () => {
    const client = await startedAt(FORM);
    const body = new FormData();
    body.append('school-feeling', new File(['x'], 'x.txt'));
    const response = await client.request(`${FORM}/p/school`, { method: 'POST', body, headers: { origin: 'https://medvirk.test' } });
    expect(response.status).toBe(400);
  });
});
