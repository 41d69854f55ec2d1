import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { translator } from '../../worker/core/i18n/translate.ts';
import { INTERFACE_LANGUAGES } from '../../worker/core/language.ts';
import { AUDIT_ACTIONS } from '../../worker/core/vocabulary.ts';
import { Client, textOf } from './client.ts';
import { staffClient } from './staff.ts';

describe('the audit log', () => {
  it('cannot be changed or deleted once written, in any database', async () => {
    for (const db of [env.DB, env.DB_SECOND]) {
      await db.prepare("INSERT INTO audit_log (municipality_id, at, person_id, action, target_type, target_id, via) VALUES ('demo', 1, 'p', 'response.view', 'response', 'r1', 'web')").run();
      await expect(db.prepare("UPDATE audit_log SET person_id = 'someone-else'").run()).rejects.toThrow(/cannot be changed/);
      await expect(db.prepare('DELETE FROM audit_log').run()).rejects.toThrow(/cannot be deleted/);
      expect((await db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE person_id = 'p'").first<{ n: number }>())?.n).toBeGreaterThan(0);
    }
  });
});

describe('the audit log reads as sentences', () => {
  it('has a sentence for every action code the product writes, in every staff language', () => {
    for (const lang of INTERFACE_LANGUAGES) {
      const t = translator(lang);
      for (const action of AUDIT_ACTIONS) {
        const sentence = t(`admin.audit.sentences.${action}`, { actor: 'ACTOR', target: 'TARGET' });
        expect(sentence, `${lang} ${action}`).not.toBe(`admin.audit.sentences.${action}`);
        expect(sentence, `${lang} ${action}`).toMatch(/^ACTOR /);
      }
    }
  });

  it('names the reader, their role and unit, and the case, in the page language; the CSV keeps the codes', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const caseReference = `LOGG-${Math.floor(Math.random() * 1e6)}`;
    const made = await (await staff.post('/staff/m/demo/links', { form: 'fixture-child', childAge: '9', language: 'nb', respondent: 'child', caseReference, expiresInDays: '14', singleUse: 'yes' })).text();
    const path = new URL(made.match(/https:\/\/medvirk\.test\/l\/demo\/[\w-]+/)?.[0] ?? 'https://x').pathname;
    const child = new Client();
    await child.get(path);
    await child.post('/m/demo/fixture-child/p/school', { 'school-feeling': '4' });
    await child.post('/m/demo/fixture-child/p/friends', { 'has-friend': 'yes' });
    await child.post('/m/demo/fixture-child/submit');
    const responseId = (await env.DB.prepare('SELECT response_id FROM form_links WHERE case_reference = ?').bind(caseReference).first<{ response_id: string }>())?.response_id;
    expect((await staff.get(`/staff/m/demo/responses/${responseId}`)).status).toBe(200);

    const admin = await staffClient('admin@demo.medvirk.no');
    await admin.post('/staff/m/demo/admin/tokens', { name: 'Saksystem' });
    const nb = await textOf(await admin.get('/staff/m/demo/admin/audit?lang=nb'));
    expect(nb).toContain(`Siri Ansatt (ansatt, Demo skole) åpnet svaret på lenken for sak ${caseReference}`);
    expect(nb).toContain(`Siri Ansatt (ansatt, Demo skole) laget en lenke for sak ${caseReference}`);
    expect(nb).toContain('Ada Administrator (administrator) laget API-nøkkelen «Saksystem»');
    expect(nb).not.toContain('response.view');
    expect(await textOf(await admin.get('/staff/m/demo/admin/audit?lang=nn'))).toContain(`Siri Ansatt (tilsett, Demo skole) opna svaret på lenkja for sak ${caseReference}`);
    expect(await textOf(await admin.get('/staff/m/demo/admin/audit?lang=en'))).toContain(`Siri Ansatt (staff, Demo skole) opened the answer to the link for case ${caseReference}`);

    const csv = await (await admin.get('/staff/m/demo/admin/audit.csv')).text();
    expect(csv).toContain(`Siri Ansatt,response.view,response,${responseId},web`);
  });
});
