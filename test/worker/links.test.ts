import { createExecutionContext, env, SELF, waitOnExecutionContext } from 'cloudflare:test';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../worker/platform/app.tsx';
import { Client, location, textOf } from './client.ts';
import { newMunicipality } from './municipalities.ts';
import { pdfText } from './pdf-text.ts';
import { deliveredTo, lastOutboxId, staffClient } from './staff.ts';

const DEMO = '/staff/m/demo';

/** Makes a link as a staff member and returns its address (shown once) and id. */
async function makeLink(client: Client, fields: Record<string, string> = {}, municipality = 'demo') {
  const response = await client.post(`/staff/m/${municipality}/links`, {
    form: 'fixture-child', childAge: '9',
    language: 'nn',
    respondent: 'child',
    caseReference: `2026-${Math.floor(Math.random() * 1e6)}`,
    expiresInDays: '14',
    singleUse: 'yes',
    ...fields,
  });
  expect(response.status).toBe(200);
  const html = await response.text();
  const url = html.match(/https:\/\/medvirk\.test\/l\/[a-z0-9-]+\/[\w-]{34}/)?.[0] ?? '';
  const id = html.match(new RegExp(`/staff/m/${municipality}/links/([0-9a-f-]{36})`))?.[1] ?? '';
  expect(url).not.toBe('');
  return { url, id, html, path: new URL(url).pathname };
}

/** Answers the child's form behind a personal link, as the child would. */
async function answerLink(path: string) {
  const child = new Client();
  const opened = await child.get(path);
  expect(opened.status).toBe(303);
  // The start page first, in the link's language, saying who sent the form.
  expect(location(opened)).toBe('/m/demo/fixture-child');
  expect(opened.headers.get('location')).toContain('lang=nn');
  const start = await textOf(await child.get(opened.headers.get('location') ?? ''));
  expect(start).toContain('Dette skjemaet er sendt til deg frå Demo skole i Demo kommune.');
  expect(start).toContain('Det finst ingen rette eller gale svar.');
  await child.post('/m/demo/fixture-child/p/school', { 'school-feeling': '2' });
  await child.post('/m/demo/fixture-child/p/friends', { 'has-friend': 'yes' });
  expect(location(await child.post('/m/demo/fixture-child/submit'))).toBe('/m/demo/fixture-child/done');
  return child;
}

const auditCount = async (action: string, targetId: string) =>
  (await env.DB.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE action = ? AND target_id = ?').bind(action, targetId).first<{ n: number }>())?.n ?? 0;

describe('sending a form link', () => {
  it('gives the link, a QR code and a letter in the chosen language, and keeps only a hash', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const { url, id, html } = await makeLink(staff);
    expect(html).toContain('data:image/svg+xml;base64,');
    // The letter is in nynorsk, the link's language, though the page is in bokmål.
    expect(html).toMatch(/<article class="letter" lang="nn">[\s\S]*Vi vil gjerne høyra frå deg/);
    const token = url.split('/').pop() ?? '';
    const stored = await env.DB.prepare('SELECT * FROM form_links WHERE id = ?').bind(id).first<Record<string, unknown>>();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored?.unit_id).toBe('demo-skole');
    expect(await auditCount('link.create', id)).toBe(1);
  });

  it('refuses a national identity number as case reference', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    for (const caseReference of ['01010150074', '010101-50074']) {
      const response = await staff.post(`${DEMO}/links`, { form: 'fixture-child', childAge: '9', language: 'nb', respondent: 'child', caseReference, expiresInDays: '7', singleUse: 'yes' });
      expect(response.status).toBe(422);
      expect(await textOf(response)).toContain('Ikke bruk fødselsnummer som saksreferanse');
    }
  });

  it('explains every invalid field and creates nothing', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const before = (await env.DB.prepare('SELECT COUNT(*) AS n FROM form_links').first<{ n: number }>())?.n;
    const response = await staff.post(`${DEMO}/links`, { form: 'nope', language: 'de', respondent: 'cat', caseReference: 'Kari Nordmann', expiresInDays: '999', email: 'x@' });
    expect(response.status).toBe(422);
    const text = await textOf(response);
    for (const message of ['Velg et skjema', 'Velg språk', 'Velg hvem som skal svare', 'Skriv en saksreferanse', 'Velg hvor lenge', 'Skriv en gyldig e-postadresse']) expect(text).toContain(message);
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM form_links').first<{ n: number }>())?.n).toBe(before);
  });

  it('sends the link by e-mail without storing the address, and shows it as sent', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const before = await lastOutboxId();
    const { id } = await makeLink(staff, { respondent: 'other', email: 'forelder@example.no' });
    const mail = await deliveredTo('forelder@example.no', before);
    expect(mail?.subject).toBe('Eit skjema frå Demo kommune');
    expect(mail?.body).toContain('/l/demo/');
    const stored = await env.DB.prepare('SELECT * FROM form_links WHERE id = ?').bind(id).first();
    expect(JSON.stringify(stored)).not.toContain('forelder@example.no');
    // Once delivered, the outbox keeps neither the address nor the text with the link.
    const queued = await env.DB.prepare('SELECT status, recipient, body FROM outbox_messages WHERE subject_ref = ?').bind(`link:${id}`).first();
    expect(queued).toEqual({ status: 'sent', recipient: null, body: null });
    expect(await textOf(await staff.get(`${DEMO}/links/${id}`))).toMatch(/E-post sendt \d/);
  });

  it('texts the link to a Norwegian mobile without storing the number', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const before = await lastOutboxId();
    const { id } = await makeLink(staff, { respondent: 'other', phone: '912 34 567' });
    const sms = await deliveredTo('+4791234567', before);
    // What the text says is tested in messages.test.ts; here, that it carries the link.
    expect(sms?.body).toMatch(/Svar her: https:\/\/medvirk\.test\/l\/demo\/[\w-]{34}\n/);
    const stored = JSON.stringify(await env.DB.prepare('SELECT * FROM form_links WHERE id = ?').bind(id).first());
    expect(stored).not.toContain('91234567');
    expect(await textOf(await staff.get(`${DEMO}/links/${id}`))).toContain('Sendt');
    const wrong = await staff.post(`${DEMO}/links`, { form: 'fixture-child', childAge: '9', language: 'nb', respondent: 'child', caseReference: 'SMS-1', expiresInDays: '7', singleUse: 'yes', phone: '12345' });
    expect(wrong.status).toBe(422);
    expect(await textOf(wrong)).toContain('Skriv et norsk mobilnummer med 8 sifre');
  });

  it('follows the link from created to answered, and lets the sender read the answer (audited)', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const { id, path } = await makeLink(staff);
    expect(await textOf(await staff.get(`${DEMO}/links/${id}`))).toContain('Laget');
    await answerLink(path);
    const detail = await (await staff.get(`${DEMO}/links/${id}`)).text();
    expect(detail).toContain('Svart');
    const responseId = detail.match(/\/responses\/([0-9a-f-]{36})/)?.[1] ?? '';
    const reading = await textOf(await staff.get(`${DEMO}/responses/${responseId}`));
    expect(reading).toContain('Hvordan har du det på skolen?');
    // The context a case file needs: who asked, which form and version, where on the scale, confidentiality.
    expect(reading).toContain('Unntatt offentlighet, offl. § 13, jf. fvl. § 13');
    expect(reading).toContain('Kommune og enhet Demo kommune, Demo skole');
    expect(reading).toMatch(/Skjema Hva mener du\?, versjon [0-9a-f]{16}/);
    expect(reading).toContain('2 av 5: Dårlig');
    expect(reading).toMatch(/Svart \d+\. \w+ \d{4} kl\. \d\d:\d\d/);
    expect(reading).toContain('Slik ble det svart Uten hjelp');
    expect(await auditCount('response.view', responseId)).toBe(1);
    await staff.get(`${DEMO}/responses/${responseId}`);
    expect(await auditCount('response.view', responseId)).toBe(2);

    // The same answer as a PDF for the case file: a real document, and the download is audited.
    const pdf = await staff.get(`${DEMO}/responses/${responseId}/pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = await pdf.arrayBuffer();
    const document = await PDFDocument.load(bytes);
    expect(document.getTitle()).toBe('Hva mener du?');
    const pages = await pdfText(bytes);
    pages.forEach((text, index) => {
      expect(text).toContain('Unntatt offentlighet, offl. § 13, jf. fvl. § 13');
      expect(text).toContain(`Side ${index + 1} av ${pages.length}`);
    });
    const whole = pages.join('\n');
    expect(whole).toContain('Kommune og enhet: Demo kommune, Demo skole');
    expect(whole).toMatch(/Skjema: Hva mener du\?, versjon [0-9a-f]{16}/);
    expect(whole).toContain('2 av 5: Dårlig');
    expect(whole).toContain('Slik ble det svart: Uten hjelp');
    expect(await auditCount('response.download', responseId)).toBe(1);
    // Another unit's staff can neither read nor download it.
    const otherUnit = await staffClient('helse@demo.medvirk.no');
    expect((await otherUnit.get(`${DEMO}/responses/${responseId}/pdf`)).status).toBe(404);
    expect(await auditCount('response.download', responseId)).toBe(1);
  });

  it('a link already answered, withdrawn, expired or guessed gets a clear answer', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const used = await makeLink(staff);
    await answerLink(used.path);
    const again = await new Client().get(used.path);
    expect(again.status).toBe(410);
    // Told in the link's language (nynorsk here), not the municipality's.
    expect(await textOf(again)).toContain('Skjemaet er alt sendt');

    const withdrawn = await makeLink(staff);
    // Withdrawing is asked for twice: an unconfirmed post changes nothing and asks.
    expect(location(await staff.post(`${DEMO}/links/${withdrawn.id}/revoke`))).toBe(`${DEMO}/links/${withdrawn.id}/revoke`);
    expect(await auditCount('link.revoke', withdrawn.id)).toBe(0);
    expect(await textOf(await staff.get(`${DEMO}/links/${withdrawn.id}/revoke`))).toContain('Dette kan ikke angres.');
    expect(location(await staff.post(`${DEMO}/links/${withdrawn.id}/revoke`, { confirm: 'yes' }))).toBe(`${DEMO}/links/${withdrawn.id}`);
    expect(await auditCount('link.revoke', withdrawn.id)).toBe(1);
    expect(await textOf(await new Client().get(withdrawn.path))).toContain('Lenkja er trekt tilbake');

    const old = await makeLink(staff, { expiresInDays: '7' });
    const app = createApp({ now: () => new Date(Date.now() + 8 * 86_400_000) });
    const late = await app.fetch(new Request(`https://medvirk.test${old.path}`, { headers: { 'cf-connecting-ip': '10.7.7.7' } }), env, createExecutionContext());
    expect(late.status).toBe(410);
    expect(await textOf(late)).toContain('Lenkja har gått ut');

    expect((await new Client().get(`/l/demo/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await new Client().get('/l/demo/short')).status).toBe(404);
    expect((await new Client().get(`/l/nowhere/${'A'.repeat(43)}`)).status).toBe(404);
  });

  it('a form sent by link need not be public, but is not reachable without the link', async () => {
    // A municipality that publishes nothing, with a staff member.
    const municipality = await newMunicipality({ members: [['demo-ansatt', 'staff']] });
    expect((await new Client().get(`/m/${municipality}/fixture-kinds`)).status).toBe(404);
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const { path } = await makeLink(staff, { form: 'fixture-kinds', respondent: 'guardian' }, municipality);
    const guardian = new Client();
    expect(location(await guardian.get(path))).toBe(`/m/${municipality}/fixture-kinds`);
    expect((await guardian.get(`/m/${municipality}/fixture-kinds/p/about`)).status).toBe(200);
  });

  it('is never made for the consent, which is signed only through the consent register', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const page = await (await staff.get(`${DEMO}/links/new`)).text();
    expect(page).toContain('value="fixture-kinds"');
    expect(page).not.toContain('value="samtykke"');
    const refused = await staff.post(`${DEMO}/links`, { form: 'samtykke', language: 'nb', respondent: 'guardian', caseReference: 'SAMTYKKE-1', expiresInDays: '14', singleUse: 'yes' });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('id="form-error"');
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM form_links WHERE case_reference = 'SAMTYKKE-1'").first('n')).toBe(0);
  });
});

describe('a link governs the drafts started from it', () => {
  it('withdrawing or expiring the link stops a draft already under way', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const withdrawn = await makeLink(staff);
    const child = new Client();
    await child.get(withdrawn.path);
    expect((await child.post('/m/demo/fixture-child/p/school', { 'school-feeling': '3' })).status).toBe(303);
    await staff.post(`${DEMO}/links/${withdrawn.id}/revoke`, { confirm: 'yes' });
    const page = await child.get('/m/demo/fixture-child/p/friends');
    expect(page.status).toBe(410);
    expect((await child.post('/m/demo/fixture-child/submit')).status).toBe(410);
    expect((await env.DB.prepare('SELECT response_id FROM form_links WHERE id = ?').bind(withdrawn.id).first<{ response_id: string | null }>())?.response_id).toBeNull();

    const expiring = await makeLink(staff, { expiresInDays: '7' });
    const late = new Client(undefined, '10.8.0.1');
    await late.get(expiring.path);
    const app = createApp({ now: () => new Date(Date.now() + 8 * 86_400_000) });
    const later = new Client((request) => app.fetch(request, env, createExecutionContext()), '10.8.0.1');
    for (const [name, value] of late.cookies) later.cookies.set(name, value);
    expect((await later.get('/m/demo/fixture-child/p/school')).status).toBe(410);
  });

  it('a single-use link answered on one device takes no second answer from another', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const { id, path } = await makeLink(staff);
    const phone = new Client();
    const laptop = new Client();
    await phone.get(path);
    await laptop.get(path);
    for (const device of [phone, laptop]) {
      await device.post('/m/demo/fixture-child/p/school', { 'school-feeling': '4' });
      await device.post('/m/demo/fixture-child/p/friends', { 'has-friend': 'yes' });
    }
    expect(location(await phone.post('/m/demo/fixture-child/submit'))).toBe('/m/demo/fixture-child/done');
    const second = await laptop.post('/m/demo/fixture-child/submit');
    expect(second.status).toBe(410);
    expect(await textOf(second)).toContain('Skjemaet er alt sendt');
    const responses = await env.DB.prepare('SELECT COUNT(*) AS n FROM responses WHERE link_id = ?').bind(id).first<{ n: number }>();
    expect(responses?.n).toBe(1);
  });

  it('an answered link cannot be withdrawn, so its status keeps showing the answer', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const { id, path } = await makeLink(staff);
    await answerLink(path);
    expect((await staff.post(`${DEMO}/links/${id}/revoke`, { confirm: 'yes' })).status).toBe(409);
    expect(await textOf(await staff.get(`${DEMO}/links/${id}`))).toContain('Svart');
  });
});

describe('safeguards when sending a form', () => {
  const post = (client: Client, fields: Record<string, string>) =>
    client.post(`${DEMO}/links`, { form: 'fixture-child', childAge: '9', language: 'nb', respondent: 'child', caseReference: `VERN-${Math.floor(Math.random() * 1e6)}`, expiresInDays: '14', singleUse: 'yes', ...fields });
  const linkCount = async () => (await env.DB.prepare('SELECT COUNT(*) AS n FROM form_links').first<{ n: number }>())?.n;

  it('offers only the respondents a form is made for, and the child\'s age for a version for an age band', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const first = await (await staff.get(`${DEMO}/links/new`)).text();
    expect(first).toContain('name="form"');
    expect(first).not.toContain('name="respondent"');
    const consent = await (await staff.get(`${DEMO}/links/new?form=fixture-kinds`)).text();
    expect(consent).toContain('value="guardian"');
    expect(consent).not.toContain('value="child"');
    expect(consent).not.toContain('name="childAge"');
    const child = await (await staff.get(`${DEMO}/links/new?form=fixture-child`)).text();
    expect(child).toContain('value="child"');
    expect(child).not.toContain('value="guardian"');
    expect(child).toContain('Denne versjonen er for barn fra 7 til 12 år');
    expect((await staff.get(`${DEMO}/links/new?form=innsikt-barn`)).status).toBe(422);
    const none = await staff.get(`${DEMO}/links/new?form=`);
    expect(none.status).toBe(422);
    expect(await textOf(none)).toContain('Velg et skjema');
  });

  it('refuses a consent form for a child, a child\'s form for a guardian, and a child outside the version\'s ages', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const before = await linkCount();
    for (const fields of [{ form: 'fixture-kinds', respondent: 'child' }, { form: 'fixture-child', respondent: 'guardian' }]) {
      const refused = await post(staff, fields);
      expect(refused.status).toBe(422);
      expect(await textOf(refused)).toContain('Skjemaet er ikke laget for den du har valgt');
    }
    for (const childAge of ['5', '13', '', 'ni']) {
      const refused = await post(staff, { childAge });
      expect(refused.status, childAge).toBe(422);
      expect(await textOf(refused)).toContain('Skriv alderen til barnet innenfor aldersgruppen');
    }
    expect(await linkCount()).toBe(before);
    expect((await post(staff, { childAge: '12', respondent: 'other' })).status).toBe(200);
  });

  it('the API refuses the same with a clear problem', async () => {
    const staff = await staffClient('admin@demo.medvirk.no');
    const issued = await (await staff.post(`${DEMO}/admin/tokens`, { name: 'Vern' })).text();
    const token = issued.match(/mvk_[\w-]+/)?.[0] ?? '';
    expect(token).not.toBe('');
    const response = await SELF.fetch('https://medvirk.test/api/v1/municipalities/demo/links', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ form: 'fixture-child', childAge: 4, language: 'nb', respondent: 'guardian', caseReference: 'VERN-API', expiresInDays: 14, singleUse: true }),
    });
    expect(response.status).toBe(400);
    const problem = JSON.stringify(await response.json());
    expect(problem).toContain('respondent');
    expect(problem).toContain('childAge');
  });

  it('asks to confirm a case reference that looks like a name or a date of birth; a national ID stays refused', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    for (const caseReference of ['Kari.Nordmann', 'KariNordmann', 'Ola-Per-Hansen', '010515', '01.05.2015']) {
      const warned = await post(staff, { caseReference });
      expect(warned.status, caseReference).toBe(422);
      const html = await warned.text();
      expect(html).toContain('Saksreferansen ligner et navn eller en fødselsdato');
      expect(html).toContain('name="confirmCaseReference"');
      expect((await post(staff, { caseReference, confirmCaseReference: 'yes' })).status, caseReference).toBe(200);
    }
    for (const caseReference of ['2024-17', 'BV-2026-0142', 'sak.1234', '320515']) expect((await post(staff, { caseReference })).status, caseReference).toBe(200);
    const id = await post(staff, { caseReference: '01051512345', confirmCaseReference: 'yes' });
    expect(id.status).toBe(422);
    expect(await textOf(id)).toContain('Ikke bruk fødselsnummer som saksreferanse');
  });

  it('the link shown once has copy and print buttons, hidden until the script shows them', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const html = await (await post(staff, {})).text();
    expect(html).toMatch(/<button type="button" class="button button--secondary" data-copy="link-url" data-copied="Lenken er kopiert\." hidden>Kopier lenken<\/button>/);
    expect(html).toMatch(/<button type="button" class="button button--secondary" data-print="true" hidden>Skriv ut brevet<\/button>/);
  });
});

describe('answering together with the child', () => {
  it("opens the form on the staff member's device and records help and role, not the name", async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const { id } = await makeLink(staff, { language: 'nb' });
    const missingRole = await staff.post(`${DEMO}/links/${id}/assist`, { role: '' });
    expect(missingRole.status).toBe(422);
    expect(await textOf(missingRole)).toContain('Velg rollen din');

    const opened = await staff.post(`${DEMO}/links/${id}/assist`, { role: 'teacher' });
    // Assisted answering opens at the start page too, and counts as opening the link.
    expect(location(opened)).toBe('/m/demo/fixture-child');
    expect(await auditCount('link.assist', id)).toBe(1);
    expect(await env.DB.prepare('SELECT opened_at FROM form_links WHERE id = ?').bind(id).first<{ opened_at: number | null }>()).not.toEqual({ opened_at: null });
    await staff.post('/m/demo/fixture-child/p/school', { 'school-feeling': '5' });
    await staff.post('/m/demo/fixture-child/p/friends', { 'has-friend': 'yes' });
    expect(location(await staff.post('/m/demo/fixture-child/submit'))).toBe('/m/demo/fixture-child/done');

    const link = await env.DB.prepare('SELECT response_id FROM form_links WHERE id = ?').bind(id).first<{ response_id: string }>();
    const stored = await env.DB.prepare('SELECT assisted, assisted_role FROM responses WHERE id = ?').bind(link?.response_id).first();
    expect(stored).toEqual({ assisted: 1, assisted_role: 'teacher' });
    const reading = await textOf(await staff.get(`${DEMO}/responses/${link?.response_id}`));
    expect(reading).toContain('Med hjelp fra en voksen (lærer)');
    expect(reading).not.toContain('Siri Ansatt (');
  });

  it('a child answering alone is recorded as without help', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const { id, path } = await makeLink(staff);
    await answerLink(path);
    const link = await env.DB.prepare('SELECT response_id FROM form_links WHERE id = ?').bind(id).first<{ response_id: string }>();
    expect(await textOf(await staff.get(`${DEMO}/responses/${link?.response_id}`))).toContain('Uten hjelp');
  });

  it('ends the staff device\'s hold on the draft when the staff member ends the session', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const { id, path } = await makeLink(staff, { language: 'nb' });
    await staff.post(`${DEMO}/links/${id}/assist`, { role: 'teacher' });
    await staff.post('/m/demo/fixture-child/p/school', { 'school-feeling': '1' });
    const page = await textOf(await staff.get('/m/demo/fixture-child/p/friends'));
    expect(page).toContain('Avslutt økten sammen med barnet');

    const ended = await staff.post('/m/demo/fixture-child/end-assisted');
    expect(location(ended)).toBe(`${DEMO}/links/${id}`);
    expect([...staff.cookies.keys()].some((name) => name.includes('d-demo-fixture-child'))).toBe(false);
    // Even the old cookie opens nothing: its key is gone, so what the child wrote stays unseen here.
    const keys = await env.DB.prepare('SELECT COUNT(*) AS n FROM draft_keys k JOIN drafts d ON d.id = k.draft_id WHERE d.link_id = ?').bind(id).first<{ n: number }>();
    expect(keys?.n).toBe(0);
    expect(await textOf(await staff.get('/m/demo/fixture-child'))).not.toContain('Fortsett');
    // The link still opens the child's draft for the child.
    const child = new Client();
    await child.get(path);
    expect(location(await child.get('/m/demo/fixture-child/p/friends'))).not.toBe('/m/demo/fixture-child');
  });

  it('ends the hold once the assisted answer is submitted, after the receipt', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const { id } = await makeLink(staff, { language: 'nb' });
    await staff.post(`${DEMO}/links/${id}/assist`, { role: 'teacher' });
    await staff.post('/m/demo/fixture-child/p/school', { 'school-feeling': '5' });
    await staff.post('/m/demo/fixture-child/p/friends', { 'has-friend': 'yes' });
    await staff.post('/m/demo/fixture-child/submit');
    const receipt = await textOf(await staff.get('/m/demo/fixture-child/done'));
    expect(receipt).toContain('Tilbake til lenken');
    expect([...staff.cookies.keys()].some((name) => name.includes('d-demo-fixture-child'))).toBe(false);
    expect(location(await staff.get('/m/demo/fixture-child/done'))).toBe('/m/demo/fixture-child');
  });

  it('cannot be started on a withdrawn link', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const { id } = await makeLink(staff);
    await staff.post(`${DEMO}/links/${id}/revoke`, { confirm: 'yes' });
    expect((await staff.post(`${DEMO}/links/${id}/assist`, { role: 'teacher' })).status).toBe(410);
  });
});

describe('link addresses outside development', () => {
  it('come from PUBLIC_ORIGIN, never from the request, and nothing is made without it', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const production = createApp();
    const post = (vars: Record<string, string>, fields: Record<string, string> = {}) =>
      production.fetch(
        new Request('https://evil.example/staff/m/demo/links', {
          method: 'POST',
          body: new URLSearchParams({ form: 'fixture-child', childAge: '9', language: 'nb', respondent: 'child', caseReference: 'ORIGIN-1', expiresInDays: '7', singleUse: 'yes', email: '', ...fields }),
          headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded', cookie: `__Host-session=${staff.cookies.get('__Host-session')}`, 'cf-connecting-ip': '10.3.0.1' },
        }),
        { ...env, ENVIRONMENT: 'production', ...vars },
        createExecutionContext(),
      );
    const count = async () => (await env.DB.prepare("SELECT COUNT(*) AS n FROM form_links WHERE case_reference = 'ORIGIN-1'").first<{ n: number }>())?.n;
    expect((await post({})).status).toBe(500);
    expect(await count()).toBe(0);
    const made = await (await post({ PUBLIC_ORIGIN: 'https://medvirk.kommune.no' })).text();
    expect(made).toMatch(/https:\/\/medvirk\.kommune\.no\/l\/demo\/[\w-]{34}/);
    expect(made).not.toContain('evil.example/l/');
  });

  it('a link is shown even when its e-mail cannot be sent, and its page says so', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const production = createApp();
    const caseReference = `NOMAIL-${crypto.randomUUID().slice(0, 8)}`;
    const ctx = createExecutionContext();
    const made = await production.fetch(
      new Request('https://medvirk.kommune.no/staff/m/demo/links', {
        method: 'POST',
        body: new URLSearchParams({ form: 'fixture-household', language: 'nb', respondent: 'guardian', caseReference, expiresInDays: '7', singleUse: 'yes', email: 'forelder@example.no' }),
        headers: { origin: 'https://medvirk.kommune.no', 'content-type': 'application/x-www-form-urlencoded', cookie: `__Host-session=${staff.cookies.get('__Host-session')}`, 'cf-connecting-ip': '10.3.0.2' },
      }),
      { ...env, ENVIRONMENT: 'production', PUBLIC_ORIGIN: 'https://medvirk.kommune.no' },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    // No e-mail provider is configured in this environment.
    expect(made.status).toBe(200);
    expect(await made.text()).toMatch(/https:\/\/medvirk\.kommune\.no\/l\/demo\/[\w-]{34}/);
    const link = await env.DB.prepare('SELECT id FROM form_links WHERE case_reference = ?').bind(caseReference).first<{ id: string }>();
    const message = await env.DB.prepare('SELECT status, last_error, recipient FROM outbox_messages WHERE subject_ref = ?').bind(`link:${link?.id}`).first();
    expect(message).toEqual({ status: 'failed', last_error: 'not-configured', recipient: null });
    expect(await textOf(await staff.get(`${DEMO}/links/${link?.id}`))).toContain('E-post kunne ikke sendes');
  });
});

describe('the overview', () => {
  it('filters by status and form and searches by case reference', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const waiting = await makeLink(staff, { caseReference: 'OVERSIKT-1' });
    const answered = await makeLink(staff, { caseReference: 'OVERSIKT-2' });
    await answerLink(answered.path);
    const all = await textOf(await staff.get(`${DEMO}/links?q=oversikt`));
    expect(all).toContain('OVERSIKT-1');
    expect(all).toContain('OVERSIKT-2');
    const onlyAnswered = await textOf(await staff.get(`${DEMO}/links?q=OVERSIKT&status=submitted`));
    expect(onlyAnswered).not.toContain('OVERSIKT-1');
    expect(onlyAnswered).toContain('OVERSIKT-2');
    const otherForm = await textOf(await staff.get(`${DEMO}/links?q=OVERSIKT&form=fixture-kinds`));
    expect(otherForm).not.toContain('OVERSIKT-');
    expect(waiting.id).not.toBe(answered.id);
  });
});

describe('who sees which links and answers', () => {
  it('with the unit rule: the sender and the unit, not other units, nor an admin without the grant', async () => {
    const sender = await staffClient('ansatt@demo.medvirk.no');
    const { id } = await makeLink(sender, { caseReference: 'EINING-1' });
    const colleague = await staffClient('kollega@demo.medvirk.no');
    expect((await colleague.get(`${DEMO}/links/${id}`)).status).toBe(200);
    expect(await textOf(await colleague.get(`${DEMO}/links?q=EINING-1`))).toContain('EINING-1');
    const otherUnit = await staffClient('helse@demo.medvirk.no');
    expect((await otherUnit.get(`${DEMO}/links/${id}`)).status).toBe(404);
    expect(await textOf(await otherUnit.get(`${DEMO}/links?q=EINING-1`))).not.toContain('EINING-1');
    expect((await otherUnit.post(`${DEMO}/links/${id}/revoke`, { confirm: 'yes' })).status).toBe(404);
    // Administering is not reading: an admin follows the same rule (see access-matrix for the grant).
    const admin = await staffClient('admin@demo.medvirk.no');
    expect((await admin.get(`${DEMO}/links/${id}`)).status).toBe(404);
  });

  it('with the sender rule: only the sender, even in the same unit', async () => {
    const a = await staffClient('a@streng.medvirk.no');
    const { id } = await makeLink(a, { caseReference: 'STRENG-1' }, 'streng');
    const b = await staffClient('b@streng.medvirk.no');
    expect((await b.get(`/staff/m/streng/links/${id}`)).status).toBe(404);
    expect(await textOf(await b.get('/staff/m/streng/links?q=STRENG'))).not.toContain('STRENG-1');
    expect((await a.get(`/staff/m/streng/links/${id}`)).status).toBe(200);
  });
});

describe("a link only works at its own municipality's address", () => {
  const count = async (db: D1Database, sql: string, ...values: unknown[]) => (await db.prepare(sql).bind(...values).first<{ n: number }>())?.n ?? 0;

  it("another municipality's address is 404, in the same database or another, and starts nothing", async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const { path, id } = await makeLink(staff);
    const token = path.split('/').pop() ?? '';
    for (const [elsewhere, db] of [['nynorsk', env.DB], ['andre', env.DB_SECOND]] as const) {
      const child = new Client(undefined, '198.18.0.1');
      const opened = await child.get(`/l/${elsewhere}/${token}`);
      expect(opened.status).toBe(404);
      expect(await textOf(opened)).toContain('Lenken finnes ikke');
      expect(child.cookies.size).toBe(0);
      expect(await count(db, 'SELECT COUNT(*) AS n FROM drafts WHERE link_id = ?', id)).toBe(0);
    }
    expect(await count(env.DB, 'SELECT COUNT(*) AS n FROM form_links WHERE id = ? AND opened_at IS NULL', id)).toBe(1);
    // At its own address it still works.
    expect(location(await new Client(undefined, '198.18.0.1').get(path))).toBe('/m/demo/fixture-child');
  });

  it("a draft of a link filed under another municipality is refused at submit, and no answer is stored", async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const { path, id } = await makeLink(staff);
    const child = new Client(undefined, '198.18.0.2');
    await child.get(path);
    await child.post('/m/demo/fixture-child/p/school', { 'school-feeling': '2' });
    await child.post('/m/demo/fixture-child/p/friends', { 'has-friend': 'yes' });
    // The draft moved under "nynorsk" (same database), and the device's key with it.
    await env.DB.prepare("UPDATE drafts SET municipality_id = 'nynorsk' WHERE link_id = ?").bind(id).run();
    child.cookies.set('__Host-d-nynorsk-fixture-child', child.cookies.get('__Host-d-demo-fixture-child') ?? '');
    const submitted = await child.post('/m/nynorsk/fixture-child/submit');
    expect(submitted.status).toBe(404);
    expect(await count(env.DB, 'SELECT COUNT(*) AS n FROM responses WHERE link_id = ?', id)).toBe(0);
    expect(await count(env.DB, 'SELECT COUNT(*) AS n FROM form_links WHERE id = ? AND submitted_at IS NULL', id)).toBe(1);
    expect((await child.get('/m/nynorsk/fixture-child/p/school')).status).toBe(404);
  });
});

describe('a shared device', () => {
  it("holds a personal link's draft for an hour after the last save, and 'not you? start again' lets go at once", async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const { path } = await makeLink(staff);
    const tablet = new Client(undefined, '198.18.7.1');
    await tablet.get(path);
    const saved = await tablet.post('/m/demo/fixture-child/p/school', { 'school-feeling': '2' });
    const cookie = saved.headers.getSetCookie().find((line) => line.startsWith('__Host-d-demo-fixture-child=')) ?? '';
    const expires = Date.parse(/expires=([^;]+)/i.exec(cookie)?.[1] ?? '');
    expect(expires - Date.now()).toBeGreaterThan(55 * 60_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(60 * 60_000);

    // The next person at the tablet is offered to continue, and can say it is not them.
    const start = await textOf(await tablet.get('/m/demo/fixture-child'));
    expect(start).toContain('Hald fram der du slutta');
    expect(start).toContain('Er det ikkje du som har byrja på dette skjemaet?');
    expect(location(await tablet.post('/m/demo/fixture-child/forget'))).toBe('/m/demo/fixture-child');
    expect(tablet.cookies.has('__Host-d-demo-fixture-child')).toBe(false);
    // Even with the old cookie back, the device no longer opens the child's answers.
    tablet.cookies.set('__Host-d-demo-fixture-child', /=([^;]+)/.exec(cookie)?.[1] ?? '');
    expect(location(await tablet.get('/m/demo/fixture-child/p/school'))).toBe('/m/demo/fixture-child');
  });
});
