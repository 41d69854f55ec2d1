/**
 * Messages families can trust: every e-mail, text message and letter with a personal link says
 * who sends it and why, whom to ask, how long the link works and how to check it is genuine;
 * the short code on a letter can be typed as people type; the page that explains our messages.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../worker/core/i18n/format.ts';
import { sha256Hex } from '../../worker/core/secrets.ts';
import { Client, location, textOf } from './client.ts';
import { signerLink, startConsent } from './consent-helpers.ts';
import { deliveredTo, lastOutboxId, staffClient } from './staff.ts';

const DEMO = '/staff/m/demo';
const CODE = /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){6}/;

/** A link made by the teacher at Demo skole (whose unit's contact is "telefon 22 33 44 55"), in bokmål. */
async function teacherLink(fields: Record<string, string> = {}) {
  const staff = await staffClient('ansatt@demo.medvirk.no');
  const caseReference = `MSG-${Math.floor(Math.random() * 1e6)}`;
  const response = await staff.post(`${DEMO}/links`, { form: 'fixture-child', language: 'nb', respondent: 'child', childAge: '9', caseReference, expiresInDays: '14', singleUse: 'yes', senderRole: 'teacher', ...fields });
  expect(response.status).toBe(200);
  const html = await response.text();
  const code = html.match(CODE)?.[0] ?? '';
  expect(code).not.toBe('');
  return { html, code, caseReference, expires: formatDate(new Date(Date.now() + 14 * 86_400_000), 'nb') };
}

/** What every message and letter must say, and what none may. */
function expectTrustworthy(text: string, { code, caseReference, expires }: { code: string; caseReference: string; expires: string }) {
  expect(text).toContain('Demo skole i Demo kommune vil gjerne høre fra deg i skjemaet «Hva mener du?».');
  expect(text).toContain('Sendt av en lærer ved Demo skole i Demo kommune.');
  expect(text).toContain('Har du spørsmål, ta kontakt med Demo skole: telefon 22 33 44 55.');
  expect(text).toContain(`Lenken virker til ${expires}.`);
  expect(text).toContain('medvirk.test/m/demo/meldinger');
  expect(text).toContain(`https://medvirk.test/l/demo/${code}`);
  // The role, never the person: no name, no private address, no case reference.
  for (const never of ['Siri Ansatt', 'ansatt@demo.medvirk.no', caseReference]) expect(text).not.toContain(never);
}

describe('messages with a personal link', () => {
  it('e-mails who sends it and why, whom to ask, until when, and how to check it; the subject names only the municipality', async () => {
    const before = await lastOutboxId();
    const made = await teacherLink({ email: 'forelder@example.no' });
    const mail = await deliveredTo('forelder@example.no', before);
    expect(mail?.subject).toBe('Et skjema fra Demo kommune');
    expectTrustworthy(mail?.body ?? '', made);
    expect(mail?.body).toContain(`Du kan også gå til medvirk.test/l/demo og skrive inn koden ${made.code}.`);
    expect(mail?.body).toContain('Vi ber aldri om passord, BankID eller fødselsnummer');
  });

  it('texts the same facts', async () => {
    const before = await lastOutboxId();
    const made = await teacherLink({ phone: '412 34 567' });
    const sms = await deliveredTo('+4741234567', before);
    expectTrustworthy(sms?.body ?? '', made);
  });

  it('prints them in the letter, with the code and the short address to type it at', async () => {
    const made = await teacherLink();
    const letter = await textOf(new Response(made.html.match(/<article class="letter"[\s\S]*<\/article>/)?.[0] ?? ''));
    expectTrustworthy(letter, made);
    expect(letter).toContain(`Kode: ${made.code}`);
    expect(letter).toContain('medvirk.test/l/demo og skrive inn koden');
  });

  it('says "a member of staff" and the municipality when no role is chosen and the sender has no unit', async () => {
    const before = await lastOutboxId();
    const staff = await staffClient('barnevern@felles.medvirk.no');
    await staff.post(`${DEMO}/links`, { form: 'fixture-child', language: 'en', respondent: 'child', childAge: '9', caseReference: 'MSG-NOUNIT', expiresInDays: '7', singleUse: 'yes', email: 'parent@example.no' });
    const body = (await deliveredTo('parent@example.no', before))?.body ?? '';
    expect(body).toContain('Demo kommune would like to hear from you in the form “What do you think?”.');
    expect(body).toContain('Sent by a member of staff at Demo kommune.');
    expect(body).toContain('If you have questions, contact Demo kommune.');
  });
});

describe('the short code', () => {
  it('opens the link typed in lower case, with spaces and O for 0, I or L for 1', async () => {
    const { code } = await teacherLink();
    const typed = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    const opened = await new Client().get(`/l/demo/${encodeURIComponent(typed)}`);
    expect(opened.status).toBe(303);
    expect(location(opened)).toBe('/m/demo/fixture-child');
  });

  it('is typed at the short address and goes on to the link', async () => {
    const { code } = await teacherLink();
    const family = new Client();
    const page = await family.get('/l/demo');
    expect(page.status).toBe(200);
    expect(await textOf(page)).toContain('Koden fra brevet');
    const typed = await family.post('/l/demo', { code: ` ${code.toLowerCase().replace(/-/g, ' ')} ` });
    expect(location(typed)).toBe(`/l/demo/${code}`);
    expect(location(await family.get(`/l/demo/${code}`))).toBe('/m/demo/fixture-child');
  });

  it('says what is wrong with a code that cannot be one', async () => {
    const missing = await new Client().post('/l/demo', { code: '  ' });
    expect(missing.status).toBe(422);
    expect(await textOf(missing)).toContain('Skriv inn koden fra brevet');
    const short = await new Client().post('/l/demo', { code: 'ABCD-EFGH' });
    expect(short.status).toBe(422);
    expect(await textOf(short)).toContain('Koden har 28 tegn');
    // A well-formed code nobody was given opens nothing.
    expect((await new Client().get(`/l/demo/${'7K3M-'.repeat(6)}7K3M`)).status).toBe(404);
  });

  it('keeps a link made with an old long token working', async () => {
    const { code } = await teacherLink();
    const old = 'a'.repeat(21) + '_-' + 'B'.repeat(20);
    const hash = await sha256Hex(code.replace(/-/g, ''));
    await env.DB.prepare('UPDATE form_links SET token_hash = ? WHERE token_hash = ?').bind(await sha256Hex(old), hash).run();
    expect(location(await new Client().get(`/l/demo/${old}`))).toBe('/m/demo/fixture-child');
  });
});

describe('the page that explains our messages', () => {
  it.each([
    ['nb', 'Meldinger fra Demo kommune: slik ser du at de er ekte', 'Vi ber aldri om passord'],
    ['nn', 'Meldingar frå Demo kommune: slik ser du at dei er ekte', 'Vi ber aldri om passord'],
    ['en', 'Messages from Demo kommune: how to know they are genuine', 'We never ask for passwords'],
  ])('is public and in %s: what we send, what we never ask, where links go, the units to call', async (lang, title, never) => {
    const response = await new Client().get(`/m/demo/meldinger?lang=${lang}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<html lang="${lang}"`);
    const text = await textOf(new Response(html));
    expect(text).toContain(title);
    expect(text).toContain(never);
    expect(text).toContain('medvirk.test/l/demo/');
    expect(text).toContain('Demo skole: telefon 22 33 44 55');
  });

  it('lists a contact an admin gives a unit, and the unit’s messages give it', async () => {
    const admin = await staffClient('admin@demo.medvirk.no');
    const tooLong = await admin.post(`${DEMO}/admin/units/demo-helsestasjon`, { contact: 'x'.repeat(201) });
    expect(tooLong.status).toBe(422);
    expect(await textOf(tooLong)).toContain('Kontakten kan ha høyst 200 tegn');
    expect(location(await admin.post(`${DEMO}/admin/units/demo-helsestasjon`, { contact: 'telefon 22 33 44 66' }))).toBe(`${DEMO}/admin/settings`);
    expect(await textOf(await new Client().get('/m/demo/meldinger'))).toContain('Demo helsestasjon: telefon 22 33 44 66');
    const audited = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'unit.change' AND target_id = 'demo-helsestasjon'").first<{ n: number }>();
    expect(audited?.n).toBe(1);

    const before = await lastOutboxId();
    const nurse = await staffClient('helse@demo.medvirk.no');
    await nurse.post(`${DEMO}/links`, { form: 'fixture-child', language: 'nn', respondent: 'child', childAge: '9', caseReference: 'MSG-HELSE', expiresInDays: '7', singleUse: 'yes', senderRole: 'health-nurse', email: 'foresett@example.no' });
    const body = (await deliveredTo('foresett@example.no', before))?.body ?? '';
    expect(body).toContain('Sendt av ein helsesjukepleiar ved Demo helsestasjon i Demo kommune.');
    expect(body).toContain('Har du spørsmål, ta kontakt med Demo helsestasjon: telefon 22 33 44 66.');
  });

  it('is not found for a municipality that does not exist', async () => {
    expect((await new Client().get('/m/finst-ikkje/meldinger')).status).toBe(404);
    expect((await new Client().get('/l/finst-ikkje')).status).toBe(404);
  });
});

describe('pages that speak for a municipality', () => {
  it("link to that municipality's privacy page in the footer: the code address, the page that explains our messages, consent signing and withdrawal by code", async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const consent = await startConsent(staff, { guardians: '1' });
    const signing = await signerLink(staff, consent.id, consent.signers[0]!.id);
    for (const path of ['/l/demo', '/m/demo/meldinger', signing, '/receipts/demo/withdraw']) {
      expect(await (await new Client().get(path)).text(), path).toContain('href="/privacy/demo"');
    }
  });
});
