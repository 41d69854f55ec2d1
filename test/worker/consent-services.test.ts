import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { textOf } from './client.ts';
import { DEFAULT_SERVICES } from '../../worker/features/consent/services.ts';
import { eventsOf, signerDevice, signerLink, signingFields, startConsent } from './consent-helpers.ts';
import { staffClient } from './staff.ts';

const listVersion = async (municipality: string) => (await env.DB.prepare('SELECT MAX(version) AS v FROM consent_service_lists WHERE municipality_id = ?').bind(municipality).first<{ v: number | null }>())?.v ?? 0;

describe('the service list', () => {
  it('is edited by admins only, each save a new version; a consent keeps the text it was started with', async () => {
    const admin = await staffClient('admin@demo.medvirk.no');
    const staff = await staffClient('ansatt@demo.medvirk.no');
    expect((await staff.get('/staff/m/demo/consents/services')).status).toBe(403);
    const version = await listVersion('demo');
    const before = await startConsent(staff, { listVersion: String(version), services: ['school'] });

    const edited = DEFAULT_SERVICES.map((service) => (service.id === 'school' ? { ...service, explanation: { nb: 'Skolen, ny tekst.', nn: 'Skulen, ny tekst.', en: 'The school, new text.' }, notify: 'skole@demo.kommune.no' } : service));
    expect((await staff.post('/staff/m/demo/consents/services', { version: String(version), services: JSON.stringify(edited) })).status).toBe(403);
    expect((await admin.post('/staff/m/demo/consents/services', { version: String(version), services: JSON.stringify(edited) })).status).toBe(303);
    expect(await listVersion('demo')).toBe(version + 1);
    // Saving from the old version again is refused: someone changed the list meanwhile.
    expect((await admin.post('/staff/m/demo/consents/services', { version: String(version), services: JSON.stringify(edited) })).status).toBe(409);
    // Bad lists change nothing.
    expect((await admin.post('/staff/m/demo/consents/services', { version: String(version + 1), services: '[{' })).status).toBe(422);
    const duplicate = await admin.post('/staff/m/demo/consents/services', { version: String(version + 1), services: JSON.stringify([...edited, edited[0]]) });
    expect(duplicate.status).toBe(422);
    expect(await textOf(duplicate)).toContain('duplicateService');
    expect(await listVersion('demo')).toBe(version + 1);

    // The old consent still shows the old text; a new one the new text; a page from the old version is refused.
    const oldPage = await textOf(await signerDevice().get(await signerLink(staff, before.id, before.signers[0]!.id)));
    expect(oldPage).toContain('Barnets skole og SFO.');
    expect((await staff.post('/staff/m/demo/consents', [['caseReference', 'NY-1'], ['guardians', '1'], ['childAge', '5'], ['listVersion', String(version)], ['services', 'school']])).status).toBe(409);
    const after = await startConsent(staff, { guardians: '1', listVersion: String(version + 1), services: ['school'] });
    const link = await signerLink(staff, after.id, after.signers[0]!.id);
    const signer = signerDevice();
    const page = await (await signer.get(link)).text();
    expect(page).toContain('Skolen, ny tekst.');

    // Signing and then withdrawing sends the school a notice through the outbox, naming the case, never the people.
    expect((await signer.post(link, signingFields(page, { school: 'approve' }))).status).toBe(303);
    expect((await signer.post(`${link}/withdraw`, { service: 'all' })).status).toBe(303);
    const notice = await env.DB.prepare("SELECT subject, subject_ref FROM outbox_messages WHERE subject_ref = ? AND channel = 'email'").bind(`consent:${after.id}`).first<{ subject: string; subject_ref: string }>();
    expect(notice?.subject).toBe('Et samtykke er trukket');
    expect((await eventsOf(after.id)).at(-1)?.kind).toBe('withdrawn');
  });
});
