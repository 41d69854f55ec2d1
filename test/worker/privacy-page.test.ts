import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { Client, location, textOf } from './client.ts';
import { newMunicipality } from './municipalities.ts';
import { staffClient } from './staff.ts';

describe("a municipality's privacy page", () => {
  it('names the controller, the legal basis per form family, its own retention, the rights and how to use them', async () => {
    const municipality = await newMunicipality({ name: 'Personvik kommune', responseRetentionMonths: 36, draftTtlDays: 21 });
    const text = await textOf(await new Client().get(`/privacy/${municipality}`));
    expect(text).toContain('Personvik kommune er behandlingsansvarlig for svarene du gir her');
    for (const family of ['Barnets stemme', 'Barnets beste-vurdering', 'Samtykke til samarbeid', 'Brukerundersøkelser']) expect(text).toContain(family);
    expect(text).toContain('Grunnloven § 104 og barnekonvensjonen artikkel 12');
    expect(text).toContain('forvaltningsloven § 13 a nr. 1');
    expect(text).toContain('lagres i 36 måneder');
    expect(text).toContain('slettes etter 21 dager');
    expect(text).toContain('Du kan klage til Datatilsynet');
    expect(text).toContain('Kontakt Personvik kommune og spør etter personvernombudet.');
    expect(await textOf(await new Client().get(`/privacy/${municipality}?lang=nn`))).toContain('Personvik kommune er behandlingsansvarleg');
    expect((await new Client().get('/privacy/finst-ikkje')).status).toBe(404);
  });

  it("gives the data protection officer's contact that an admin sets (audited), and refuses one too long", async () => {
    const municipality = await newMunicipality({ members: [['andre-ansatt', 'admin']] });
    const admin = await staffClient('ansatt@andre.medvirk.no');
    const settings = `/staff/m/${municipality}/admin/settings`;
    const fields = { writtenStandard: 'nb', suppressionThreshold: '5', draftTtlDays: '30', responseRetentionMonths: '60', linkVisibility: 'unit' };
    const long = await admin.post(settings, { ...fields, dpoContact: 'x'.repeat(201) });
    expect(long.status).toBe(422);
    expect(await textOf(long)).toContain('Skriv kontakten til personvernombudet med høyst 200 tegn');
    expect(location(await admin.post(settings, { ...fields, dpoContact: 'personvernombud@personvik.kommune.no, 12 34 56 78' }))).toBe(settings);
    expect(await (await admin.get(settings)).text()).toContain('value="personvernombud@personvik.kommune.no, 12 34 56 78"');
    const audited = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE municipality_id = ? AND action = 'settings.change'").bind(municipality).first<{ n: number }>();
    expect(audited?.n).toBe(1);
    expect(await textOf(await new Client().get(`/privacy/${municipality}`))).toContain('Du når kommunens personvernombud her: personvernombud@personvik.kommune.no, 12 34 56 78');
  });

  it("is linked from the respondent pages' footer", async () => {
    const html = await (await new Client().get('/m/demo/fixture-child')).text();
    expect(html).toContain('<a href="/privacy/demo">Personvern</a>');
  });
});
