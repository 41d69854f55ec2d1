import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ORIGIN, textOf } from './client.ts';
import { auditCount, caseRef, consentCount, eventsOf, signerDevice, signerLink, signingFields, startConsent } from './consent-helpers.ts';
import { staffClient } from './staff.ts';

describe('starting a consent', () => {
  it('asks the guardians, and the child by the age rule: heard from 12, signing for health services from 16', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const young = await startConsent(staff, { childAge: '9', guardians: '1' });
    expect(young.signers.map((signer) => [signer.role, signer.scope])).toEqual([['guardian', 'all']]);
    expect((await startConsent(staff, { childAge: '12' })).signers.map((signer) => signer.scope)).toEqual(['all', 'all', 'view']);
    const older = await startConsent(staff, { childAge: '16' });
    expect(older.signers.map((signer) => [signer.role, signer.scope])).toEqual([['guardian', 'all'], ['guardian', 'all'], ['child', 'health']]);
    expect(await auditCount('consent.start', older.id)).toBe(1);
    // The consent copies the services it asks about from the list version it was started on.
    const row = await env.DB.prepare('SELECT services, service_list_version FROM consents WHERE id = ?').bind(older.id).first<{ services: string; service_list_version: number }>();
    expect(JSON.parse(row!.services).map((service: { id: string }) => service.id)).toEqual(['health-station', 'school', 'ppt']);
  });

  it("gives the child from 16 a page written to them, and signs it like the guardians' page", async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const consent = await startConsent(staff, { childAge: '16', guardians: '1' });
    const child = consent.signers.find((signer) => signer.role === 'child')!;
    const link = await signerLink(staff, consent.id, child.id);
    const device = signerDevice();
    const page = await (await device.get(link)).text();
    const text = await textOf(new Response(page));
    expect(text).toContain('Samtykke til samarbeid om deg');
    expect(text).toContain('Fødselsnummeret ditt');
    expect(text).not.toContain('Barnets fødselsnummer');
    // From 16 the child decides the health services only.
    expect(page).toContain('name="service-health-station"');
    expect(page).not.toContain('name="service-school"');
    expect((await device.post(link, signingFields(page, { 'health-station': 'approve' }))).status).toBe(303);
    expect((await eventsOf(consent.id)).filter((event) => event.kind === 'signed').map((event) => event.signer_id)).toEqual([child.id]);
  });

  it('shows each problem by its field and stores nothing', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const before = await consentCount();
    const response = await staff.post('/staff/m/demo/consents', [['caseReference', '12345678901'], ['guardians', '3'], ['childAge', '19'], ['listVersion', '0']]);
    expect(response.status).toBe(422);
    const text = await textOf(response);
    for (const message of ['Saksreferansen kan ikke være et fødselsnummer.', 'Velg minst én tjeneste.', 'Velg hvor mange foresatte som må signere.', 'Skriv barnets alder i hele år, fra 0 til 17.']) expect(text).toContain(message);
    expect(await consentCount()).toBe(before);
  });

  it('refuses a tampered service list or version (409) and stores nothing', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const before = await consentCount();
    const base: [string, string][] = [['caseReference', caseRef()], ['guardians', '1'], ['childAge', '5']];
    expect((await staff.post('/staff/m/demo/consents', [...base, ['listVersion', '0'], ['services', 'secret-police']])).status).toBe(409);
    expect((await staff.post('/staff/m/demo/consents', [...base, ['listVersion', '7'], ['services', 'school']])).status).toBe(409);
    expect((await staff.post('/staff/m/demo/consents', [...base, ['listVersion', 'x'], ['services', 'school']])).status).toBe(409);
    expect(await consentCount()).toBe(before);
  });
});

describe('signers’ links', () => {
  it('gives each signer a personal link of their own, logged as requested and audited in the same batch', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const { id, signers } = await startConsent(staff);
    const first = await signerLink(staff, id, signers[0]!.id, 'nn');
    const second = await signerLink(staff, id, signers[1]!.id);
    expect(first).not.toBe(second);
    const links = await env.DB.prepare('SELECT l.id AS link_id, l.language, l.respondent, l.form_id FROM consent_signers s JOIN form_links l ON l.id = s.link_id WHERE s.consent_id = ? ORDER BY s.ordinal').bind(id).all();
    expect(links.results.map((row) => [row.language, row.respondent, row.form_id])).toEqual([['nn', 'guardian', 'samtykke'], ['nb', 'guardian', 'samtykke']]);
    expect((await eventsOf(id)).map((event) => [event.kind, event.signer_id, event.by])).toEqual([
      ['requested', signers[0]!.id, 'demo-ansatt'],
      ['requested', signers[1]!.id, 'demo-ansatt'],
    ]);
    expect(await auditCount('consent.link', id)).toBe(2);
    // The link itself is audited as every link is.
    expect(await auditCount('link.create', String(links.results[0]!.link_id))).toBe(1);
  });

  it('answers 404 for a signer of another consent', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const a = await startConsent(staff);
    const b = await startConsent(staff);
    expect((await staff.post(`/staff/m/demo/consents/${a.id}/signers/${b.signers[0]!.id}/link`, { language: 'nb' })).status).toBe(404);
    expect(await eventsOf(a.id)).toEqual([]);
  });
});

describe('the register and the check', () => {
  it('shows a new consent as waiting, with every service not yet shareable, and audits the view', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const { id, caseReference } = await startConsent(staff);
    const page = await staff.get(`/staff/m/demo/consents/${id}`);
    expect(page.status).toBe(200);
    const text = await textOf(page);
    expect(text).toContain(`Samtykke for ${caseReference}`);
    expect(text).toContain('Venter på signatur');
    expect(text).toContain('Nei: Ikke alle som må signere, har svart ennå.');
    expect(await auditCount('consent.view', id)).toBe(1);
    // Another municipality's consent is not found, not even confirmed to exist.
    expect((await staff.get('/staff/m/demo/consents/00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });

  it('answers no for a case without consent, and for a service not yet signed for, audited per check', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const { caseReference } = await startConsent(staff);
    expect(await textOf(await staff.get('/staff/m/demo/consents/check?case=INGEN-SAK&service=school'))).toContain('Saken har ikke noe samtykke.');
    expect(await textOf(await staff.get(`/staff/m/demo/consents/check?case=${caseReference}&service=school`))).toContain('Ikke alle som må signere, har svart ennå.');
    expect(await auditCount('consent.check', caseReference)).toBe(1);
  });

  it('refuses to countersign or register a withdrawal before anyone has signed (409), and a withdrawal without a note (422)', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const { id, signers } = await startConsent(staff);
    expect((await staff.post(`/staff/m/demo/consents/${id}/countersign`)).status).toBe(409);
    expect((await staff.post(`/staff/m/demo/consents/${id}/withdraw`, { signer: signers[0]!.id, service: 'all', note: 'Ringte i dag' })).status).toBe(409);
    const noNote = await staff.post(`/staff/m/demo/consents/${id}/withdraw`, { signer: signers[0]!.id, service: 'all', note: ' ' });
    expect(noNote.status).toBe(422);
    expect(await textOf(noNote)).toContain('Skriv et kort notat, høyst 500 tegn.');
    expect(await eventsOf(id)).toEqual([]);
  });
});

describe('the demo consent of npm start', () => {
  it('has one guardian signed, with a receipt, and one still to sign', async () => {
    const response = await signerDevice().post('/dev/consent-demo', {}, { origin: ORIGIN });
    expect(response.status).toBe(200);
    const demo = (await response.json()) as Record<string, string>;
    expect(await textOf(await signerDevice().get(new URL(demo.signed!).pathname))).toMatch(/Takk, du har signert.*Kode for å trekke samtykket/);
    expect(await textOf(await signerDevice().get(new URL(demo.pending!).pathname))).toContain('Signer samtykket');
    expect(demo.receiptCheck).toBe(`${ORIGIN}/receipts/check`);
  });
});
