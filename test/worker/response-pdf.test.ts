/** The PDF of an answer for the case file, with text in a script its fonts cannot draw. */
import { describe, expect, it } from 'vitest';
import { answeredCase } from './case-fixture.ts';
import { Client } from './client.ts';
import { pdfText } from './pdf-text.ts';
import { staffClient } from './staff.ts';

const NOTE = 'Noen bokstaver i teksten over kan ikke vises i PDF-en.';

describe('the PDF of an answer', () => {
  it('says so after a text whose letters it cannot show, instead of dropping them without a word', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const made = await (await staff.post('/staff/m/demo/links', { form: 'fixture-child', childAge: '9', language: 'nb', respondent: 'child', caseReference: 'PDF-UK-1', expiresInDays: '14', singleUse: 'yes' })).text();
    const path = new URL(made.match(/https:\/\/medvirk\.test\/l\/demo\/[\w-]+/)![0]).pathname;
    const child = new Client();
    await child.get(path);
    await child.post('/m/demo/fixture-child/p/school', { 'school-feeling': '4' });
    await child.post('/m/demo/fixture-child/p/friends', { 'has-friend': 'yes' });
    await child.post('/m/demo/fixture-child/p/adults', { 'listened-to': '1' });
    await child.post('/m/demo/fixture-child/p/wish', { 'adults-should-know': 'Я хочу більше часу з татом' });
    expect((await child.post('/m/demo/fixture-child/submit')).status).toBe(303);
    const responseId = made.match(/\/staff\/m\/demo\/links\/([0-9a-f-]{36})/)![1];
    const link = await (await staff.get(`/staff/m/demo/links/${responseId}`)).text();
    const response = link.match(/\/staff\/m\/demo\/responses\/([0-9a-f-]{36})/)![1];
    const text = (await pdfText(await (await staff.get(`/staff/m/demo/responses/${response}/pdf`)).arrayBuffer())).join('\n');
    expect(text).toContain(NOTE);
    // An answer in Norwegian letters prints whole, with no note.
    const norwegian = await answeredCase('PDF-NB-1');
    const plain = (await pdfText(await (await norwegian.staff.get(`/staff/m/demo/responses/${norwegian.responseId}/pdf`)).arrayBuffer())).join('\n');
    expect(plain).toContain('Jeg vil bo hos pappa i helgene');
    expect(plain).not.toContain(NOTE);
  });
});
