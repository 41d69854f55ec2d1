/** The guardian's view before a meeting: sent through a personal link, answered, read on the case. */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { Client, location, textOf } from './client.ts';
import { staffClient } from './staff.ts';

const FORM = '/m/demo/foresattes-syn';

async function sendToGuardian(caseReference: string, language = 'nn') {
  const staff = await staffClient('ansatt@demo.medvirk.no');
  const created = await staff.post('/staff/m/demo/links', { form: 'foresattes-syn', language, respondent: 'guardian', caseReference, expiresInDays: '14', singleUse: 'yes', email: '' });
  expect(created.status).toBe(200);
  const html = await created.text();
  const linkId = html.match(/\/staff\/m\/demo\/links\/([0-9a-f-]{36})/)?.[1] ?? '';
  const linkPath = new URL(html.match(/https:\/\/medvirk\.test\/l\/demo\/[\w-]+/)?.[0] ?? 'https://x').pathname;
  return { staff, linkId, linkPath };
}

describe("the guardian's view before a meeting", () => {
  it('is answered in nynorsk through a personal link, the interpreter question shown only when asked for, and read on the case page', async () => {
    const { staff, linkId, linkPath } = await sendToGuardian('MOTE-2027-1');
    const guardian = new Client();
    expect(location(await guardian.get(linkPath))).toBe(FORM);
    const start = await textOf(await guardian.get(FORM));
    expect(start).toContain('Før møtet: kva du meiner');
    expect(start).toContain('Det finst ingen rette eller gale svar');

    // Every question may be skipped: continuing with nothing is not an error.
    expect((await guardian.post(`${FORM}/p/going-well`, {})).status).toBe(303);
    expect((await guardian.post(`${FORM}/p/concern`, { concern: 'Han søv dårleg og vil ikkje gå på skulen.', 'concern-since': 'months' })).status).toBe(303);
    expect((await guardian.post(`${FORM}/p/wishes`, { wishes: 'At skulen og helsestasjonen snakkar saman.' })).status).toBe(303);
    const meeting = await (await guardian.get(`${FORM}/p/meeting`)).text();
    expect(meeting).toContain('Treng du tolk på møtet?');
    expect((await guardian.post(`${FORM}/p/meeting`, { 'who-should-be-there': 'Kontaktlæraren', 'child-at-meeting': 'yes', interpreter: 'yes', 'interpreter-language': 'Tigrinja' })).status).toBe(303);
    expect((await guardian.post(`${FORM}/submit`)).status).toBe(303);

    const responseId = (await env.DB.prepare('SELECT response_id FROM form_links WHERE id = ?').bind(linkId).first<{ response_id: string }>())?.response_id;
    expect(responseId).toBeTruthy();
    const casePage = await (await staff.get('/staff/m/demo/cases/MOTE-2027-1')).text();
    expect(casePage).toContain(`/staff/m/demo/responses/${responseId}`);
    const answer = await textOf(await staff.get(`/staff/m/demo/responses/${responseId}`));
    expect(answer).toContain('Han søv dårleg og vil ikkje gå på skulen.');
    expect(answer).toContain('Tigrinja');
    // Sealed at rest, like every identifiable answer: the words are not in the table.
    const stored = JSON.stringify(await env.DB.prepare('SELECT * FROM responses WHERE id = ?').bind(responseId).first());
    expect(stored).not.toContain('søv dårleg');
    // Nor are its choices kept beside it for counting ("how long", "interpreter: yes").
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM response_values WHERE response_id = ?').bind(responseId).first('n')).toBe(0);
  });

  it('is not open at a public address', async () => {
    expect((await new Client().get(FORM)).status).toBe(404);
  });
});
