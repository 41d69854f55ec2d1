import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { formFields, textOf } from './client.ts';
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

    // The school's line changes and it gets a notice address, on the page as the admin sees it.
    const form = await (await admin.get('/staff/m/demo/consents/services')).text();
    const school = DEFAULT_SERVICES.findIndex((service) => service.id === 'school');
    const edited = formFields(form, { [`explanation-nb.${school}`]: 'Skolen, ny tekst.', [`explanation-nn.${school}`]: 'Skulen, ny tekst.', [`explanation-en.${school}`]: 'The school, new text.', [`notify.${school}`]: 'skole@demo.kommune.no' });
    expect((await staff.post('/staff/m/demo/consents/services', edited)).status).toBe(403);
    expect((await admin.post('/staff/m/demo/consents/services', edited)).status).toBe(303);
    expect(await listVersion('demo')).toBe(version + 1);
    // Saving from the old version again is refused: someone changed the list meanwhile.
    expect((await admin.post('/staff/m/demo/consents/services', edited)).status).toBe(409);
    // A list with a missing text or a bad address changes nothing, and says which field and why.
    const current = await (await admin.get('/staff/m/demo/consents/services')).text();
    const missing = await admin.post('/staff/m/demo/consents/services', formFields(current, { [`label-nn.${school}`]: ' ', [`notify.${school}`]: 'skole@' }));
    expect(missing.status).toBe(422);
    const missingPage = await missing.text();
    expect(missingPage).toContain(`href="#label-nn.${school}"`);
    expect(await textOf(new Response(missingPage))).toContain('Skriv navnet på tjenesten på nynorsk.');
    expect(await textOf(new Response(missingPage))).toContain('Skriv en gyldig e-postadresse');
    expect(missingPage).toContain(`id="notify.${school}" name="notify.${school}" value="skole@"`);
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

  it('adds a service with an id made from its name, and removes one, in one new version', async () => {
    const admin = await staffClient('admin@demo.medvirk.no');
    const form = await (await admin.get('/staff/m/demo/consents/services')).text();
    const rows = Number(form.match(/name="rows" value="(\d+)"/)?.[1]);
    const fresh = rows - 1;
    const midwife = DEFAULT_SERVICES.findIndex((service) => service.id === 'midwife');
    const version = await listVersion('demo');
    const saved = await admin.post(
      '/staff/m/demo/consents/services',
      formFields(form, {
        [`remove.${midwife}`]: 'yes',
        [`label-nb.${fresh}`]: 'Familiens hus',
        [`label-nn.${fresh}`]: 'Familiens hus',
        [`label-en.${fresh}`]: 'Family centre',
        [`explanation-nb.${fresh}`]: 'Hjelp til hele familien på ett sted.',
        [`explanation-nn.${fresh}`]: 'Hjelp til heile familien på éin stad.',
        [`explanation-en.${fresh}`]: 'Help for the whole family in one place.',
        [`health.${fresh}`]: 'yes',
      }),
    );
    expect(saved.status).toBe(303);
    const stored = await env.DB.prepare('SELECT services FROM consent_service_lists WHERE municipality_id = ? AND version = ?').bind('demo', version + 1).first<{ services: string }>();
    const services = JSON.parse(stored!.services) as { id: string; health: boolean }[];
    expect(services.map((service) => service.id)).not.toContain('midwife');
    expect(services.at(-1)).toMatchObject({ id: 'familiens-hus', health: true });
    expect(services).toHaveLength(DEFAULT_SERVICES.length);
    // The new service is offered when a consent is started.
    expect(await (await admin.get('/staff/m/demo/consents/new')).text()).toContain('value="familiens-hus"');
  });
});
