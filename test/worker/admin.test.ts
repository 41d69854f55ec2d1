import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { Client, location, textOf } from './client.ts';
import { draftIdOf, newMunicipality } from './municipalities.ts';
import { staffClient } from './staff.ts';
import { answeredCase } from './case-fixture.ts';
import { addWorkingDays } from '../../worker/features/cases/index.ts';
import { formatDate } from '../../worker/core/i18n/format.ts';

const ADMIN = '/staff/m/demo/admin';
const unique = () => `p${crypto.randomUUID().slice(0, 8)}@demo.medvirk.no`;
const rolesOf = async (email: string) =>
  (
    await env.DB.prepare('SELECT m.role, m.unit_id FROM memberships m JOIN people p ON p.id = m.person_id WHERE p.email = ? ORDER BY m.role').bind(email).all<{ role: string; unit_id: string | null }>()
  ).results;
const auditCount = async (action: string) => (await env.DB.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE action = ?').bind(action).first<{ n: number }>())?.n ?? 0;

describe('people and roles', () => {
  it('an admin gives a new person access; they are told by e-mail and can then work', async () => {
    const admin = await staffClient('admin@demo.medvirk.no');
    const email = unique();
    const before = await auditCount('membership.set');
    const response = await admin.post(`${ADMIN}/people`, [
      ['name', 'Nina Ny'],
      ['email', email.toUpperCase()],
      ['roles', 'staff'],
      ['unit', 'demo-skole'],
    ]);
    expect(location(response)).toBe(`${ADMIN}/people`);
    expect(await rolesOf(email)).toEqual([{ role: 'staff', unit_id: 'demo-skole' }]);
    expect(await auditCount('membership.set')).toBe(before + 1);
    const mail = await env.DB.prepare('SELECT subject, body FROM outbox WHERE "to" = ?').bind(email).first<{ subject: string; body: string }>();
    expect(mail?.subject).toBe('Du har fått tilgang til medvirk');
    expect(mail?.body).toContain('/staff/sign-in');
    const newcomer = await staffClient(email);
    expect((await newcomer.get('/staff/m/demo/links')).status).toBe(200);
    expect(await textOf(await admin.get(`${ADMIN}/people`))).toContain('Nina Ny');
  });

  it('changes and removes roles; a removed person loses access at once', async () => {
    const admin = await staffClient('admin@demo.medvirk.no');
    const email = unique();
    await admin.post(`${ADMIN}/people`, [['name', 'Rolf Rolle'], ['email', email], ['roles', 'staff'], ['unit', '']]);
    const person = await env.DB.prepare('SELECT id FROM people WHERE email = ?').bind(email).first<{ id: string }>();
    const member = await staffClient(email);
    expect((await member.get('/staff/m/demo/links')).status).toBe(200);

    await admin.post(`${ADMIN}/people/${person?.id}`, [['roles', 'planner']]);
    expect(await rolesOf(email)).toEqual([{ role: 'planner', unit_id: null }]);
    expect((await member.get('/staff/m/demo/links')).status).toBe(403);

    const before = await auditCount('membership.remove');
    await admin.post(`${ADMIN}/people/${person?.id}`, []);
    expect(await rolesOf(email)).toEqual([]);
    expect(await auditCount('membership.remove')).toBe(before + 1);
  });

  it('an admin cannot remove their own admin role, neither by changing nor by re-inviting themselves', async () => {
    const admin = await staffClient('admin@demo.medvirk.no');
    const response = await admin.post(`${ADMIN}/people/demo-admin`, [['roles', 'staff']]);
    expect(response.status).toBe(422);
    expect(await textOf(response)).toContain('Du kan ikke ta bort din egen administratorrolle');
    const reinvite = await admin.post(`${ADMIN}/people`, [['name', 'Ada Administrator'], ['email', 'admin@demo.medvirk.no'], ['roles', 'staff'], ['unit', '']]);
    expect(reinvite.status).toBe(422);
    expect((await rolesOf('admin@demo.medvirk.no')).map((row) => row.role)).toContain('admin');
  });

  it("applies the municipality's draft period to drafts", async () => {
    const municipality = await newMunicipality({ draftTtlDays: 60, publishes: ['fixture-child'] });
    const child = new Client(undefined, '10.9.1.1');
    await child.post(`/m/${municipality}/fixture-child/start`);
    await child.post(`/m/${municipality}/fixture-child/p/school`, { 'school-feeling': '3' });
    const id = await draftIdOf(child, env.DB, municipality, 'fixture-child');
    const draft = await env.DB.prepare('SELECT expires_at FROM drafts WHERE id = ?').bind(id).first<{ expires_at: number }>();
    const days = ((draft?.expires_at ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(59);
    expect(days).toBeLessThanOrEqual(60);
  });

  it('explains bad input and changes nothing', async () => {
    const admin = await staffClient('admin@demo.medvirk.no');
    const people = async () => (await env.DB.prepare('SELECT COUNT(*) AS n FROM people').first<{ n: number }>())?.n;
    const before = await people();
    const response = await admin.post(`${ADMIN}/people`, [['name', ''], ['email', 'nope'], ['unit', 'andre-skole']]);
    expect(response.status).toBe(422);
    const text = await textOf(response);
    for (const message of ['Skriv navnet', 'Skriv en gyldig e-postadresse', 'Velg en enhet fra listen']) expect(text).toContain(message);
    const noRoles = await admin.post(`${ADMIN}/people`, [['name', 'Ingen Rolle'], ['email', unique()]]);
    expect(await textOf(noRoles)).toContain('Velg minst én rolle');
    expect(await people()).toBe(before);
    // Someone of another municipality cannot be changed from here.
    expect((await admin.post(`${ADMIN}/people/andre-ansatt`, [['roles', 'staff']])).status).toBe(404);
  });
});

describe('the audit log', () => {
  it('shows who did what, and exports as CSV (the export is logged too)', async () => {
    const admin = await staffClient('admin@demo.medvirk.no');
    await admin.post(`${ADMIN}/tokens`, { name: 'Loggtest' });
    const page = await textOf(await admin.get(`${ADMIN}/audit`));
    expect(page).toContain('Ada Administrator (administrator) laget API-nøkkelen «Loggtest»');
    const before = await auditCount('audit.export');
    const csv = await admin.get(`${ADMIN}/audit.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('at,actor,action,target_type,target_id,via');
    expect(lines.some((line) => line.includes('Ada Administrator,token.issue'))).toBe(true);
    expect(await auditCount('audit.export')).toBe(before + 1);
  });
});

describe('API tokens', () => {
  it('are shown once, stored as hashes, and can be withdrawn', async () => {
    const admin = await staffClient('admin@demo.medvirk.no');
    const html = await (await admin.post(`${ADMIN}/tokens`, { name: 'Fagsystem' })).text();
    const secret = html.match(/mvk_[\w-]+/)?.[0] ?? '';
    expect(secret.length).toBeGreaterThan(40);
    const stored = await env.DB.prepare("SELECT * FROM api_tokens WHERE name = 'Fagsystem'").first<{ id: string }>();
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(await textOf(await admin.get(`${ADMIN}/tokens`))).not.toContain(secret);
    expect(location(await admin.post(`${ADMIN}/tokens/${stored?.id}/revoke`))).toBe(`${ADMIN}/tokens`);
    expect(await textOf(await admin.get(`${ADMIN}/tokens`))).toContain('Trukket tilbake');
    const empty = await admin.post(`${ADMIN}/tokens`, { name: ' ' });
    expect(empty.status).toBe(422);
  });
});

describe('municipality settings', () => {
  it('saves valid settings (audited) and refuses a threshold below 3', async () => {
    // A municipality of its own, with its data in a database of its own, and an admin.
    const municipality = await newMunicipality({ database: 'DB_SECOND', members: [['andre-ansatt', 'admin']] });
    const admin = await staffClient('ansatt@andre.medvirk.no');
    const settings = `/staff/m/${municipality}/admin/settings`;
    const row = async () =>
      env.DB.prepare('SELECT written_standard, suppression_threshold, draft_ttl_days, response_retention_months, link_visibility FROM municipalities WHERE id = ?').bind(municipality).first();
    const original = await row();
    const low = await admin.post(settings, { writtenStandard: 'nn', suppressionThreshold: '2', draftTtlDays: '30', responseRetentionMonths: '60', linkVisibility: 'sender' });
    expect(low.status).toBe(422);
    expect(await textOf(low)).toContain('Skriv et helt tall fra 3 til 100');
    expect(await row()).toEqual(original);

    expect(location(await admin.post(settings, { writtenStandard: 'nn', suppressionThreshold: '7', draftTtlDays: '14', responseRetentionMonths: '24', linkVisibility: 'sender' }))).toBe(settings);
    expect(await row()).toEqual({ written_standard: 'nn', suppression_threshold: 7, draft_ttl_days: 14, response_retention_months: 24, link_visibility: 'sender' });
    // A directory change is audited beside it, in the directory, in the same batch; the
    // municipality's own database (answers, links) gets no entry for it; its audit page shows both logs.
    const entry = "SELECT COUNT(*) AS n FROM audit_log WHERE municipality_id = ? AND action = 'settings.change'";
    expect((await env.DB.prepare(entry).bind(municipality).first<{ n: number }>())?.n).toBe(1);
    expect((await env.DB_SECOND.prepare(entry).bind(municipality).first<{ n: number }>())?.n).toBe(0);
    expect(await textOf(await admin.get(`${settings}?saved=1`))).toContain('Innstillingene er lagret');
    expect(await textOf(await admin.get(`/staff/m/${municipality}/admin/audit`))).toMatch(/\) endret innstillingene for /);
  });
});

describe('case settings', () => {
  const reviewDays = (database: D1Database, municipality: string) =>
    database.prepare('SELECT flag_review_working_days AS days FROM case_settings WHERE municipality_id = ?').bind(municipality).first<{ days: number }>();
  const audited = (database: D1Database, municipality: string) =>
    database.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE municipality_id = ? AND action = 'caseSettings.change'").bind(municipality).first<{ n: number }>();

  it('an admin sets the time to read a flagged answer, in the municipality’s own database with its audit entry', async () => {
    const municipality = await newMunicipality({ database: 'DB_SECOND', members: [['andre-ansatt', 'admin']] });
    const admin = await staffClient('ansatt@andre.medvirk.no');
    const page = `/staff/m/${municipality}/admin/cases`;
    // Without a setting of its own, two working days.
    expect(await (await admin.get(page)).text()).toContain('value="2"');

    expect(location(await admin.post(page, { flagReviewWorkingDays: ' 5 ' }))).toBe(page);
    expect(await reviewDays(env.DB_SECOND, municipality)).toEqual({ days: 5 });
    expect(await audited(env.DB_SECOND, municipality)).toEqual({ n: 1 });
    const saved = await (await admin.get(`${page}?saved=1`)).text();
    expect(saved).toContain('Fristen er lagret.');
    expect(saved).toContain('value="5"');
    expect(await textOf(await admin.get(`/staff/m/${municipality}/admin/audit`))).toContain('endret fristen for å lese svar som tyder på at barnet ikke er trygt');
    // Changed again: the same row.
    await admin.post(page, { flagReviewWorkingDays: '1' });
    expect(await reviewDays(env.DB_SECOND, municipality)).toEqual({ days: 1 });
  });

  it('refuses anything but a whole number from 1 to 10, by the field, changing nothing', async () => {
    const municipality = await newMunicipality({ database: 'DB_SECOND', members: [['andre-ansatt', 'admin']] });
    const admin = await staffClient('ansatt@andre.medvirk.no');
    const page = `/staff/m/${municipality}/admin/cases`;
    for (const days of ['0', '11', '2.5', 'to', '', '-1', '1000']) {
      const refused = await admin.post(page, { flagReviewWorkingDays: days });
      expect(refused.status, days).toBe(422);
      const html = await refused.text();
      expect(html).toContain('id="flagReviewWorkingDays-error"');
      expect(html).toMatch(/aria-describedby="[^"]*flagReviewWorkingDays-error/);
      expect(html).toContain('Skriv et helt tall fra 1 til 10');
    }
    // In the admin's own language.
    const english = await admin.post(`${page}?lang=en`, { flagReviewWorkingDays: '0' });
    expect(english.status).toBe(422);
    expect(await textOf(english)).toContain('Enter a whole number from 1 to 10');
    expect(await reviewDays(env.DB_SECOND, municipality)).toBeNull();
    expect(await audited(env.DB_SECOND, municipality)).toEqual({ n: 0 });
  });

  it('is for the municipality’s admins only', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    expect((await staff.get(`${ADMIN}/cases`)).status).toBe(403);
    expect((await staff.post(`${ADMIN}/cases`, { flagReviewWorkingDays: '9' })).status).toBe(403);
    const elsewhere = await newMunicipality({ members: [['andre-ansatt', 'admin']] });
    const otherAdmin = await staffClient('ansatt@andre.medvirk.no');
    expect((await otherAdmin.post(`${ADMIN}/cases`, { flagReviewWorkingDays: '9' })).status).toBe(403);
    expect(elsewhere).not.toBe('demo');
    expect(await reviewDays(env.DB, 'demo')).toBeNull();
  });

  it('moves the review-by date on the overview', async () => {
    const admin = await staffClient('admin@demo.medvirk.no');
    const { staff, responseId } = await answeredCase('FRIST-1');
    await env.DB.prepare('UPDATE responses SET flagged = 1 WHERE id = ?').bind(responseId).run();
    const submitted = new Date((await env.DB.prepare('SELECT submitted_at FROM responses WHERE id = ?').bind(responseId).first<{ submitted_at: number }>())!.submitted_at);
    try {
      await admin.post(`${ADMIN}/cases`, { flagReviewWorkingDays: '7' });
      expect(await textOf(await staff.get('/staff/m/demo/cases'))).toContain(formatDate(addWorkingDays(submitted, 7), 'nb'));
    } finally {
      await env.DB.prepare("DELETE FROM case_settings WHERE municipality_id = 'demo'").run();
    }
  });
});

describe('units', () => {
  it('an admin adds a unit, which people can then be placed in; bad input is explained', async () => {
    const admin = await staffClient('admin@demo.medvirk.no');
    const name = `Testskolen ${crypto.randomUUID().slice(0, 6)}`;
    expect(location(await admin.post(`${ADMIN}/units`, { unitName: name, unitKind: 'school' }))).toBe(`${ADMIN}/settings`);
    const unit = await env.DB.prepare('SELECT id, kind FROM units WHERE name = ?').bind(name).first<{ id: string; kind: string }>();
    expect(unit?.kind).toBe('school');
    expect(await textOf(await admin.get(`${ADMIN}/settings`))).toContain(name);
    expect(await textOf(await admin.get(`${ADMIN}/people`))).toContain(name);
    const bad = await admin.post(`${ADMIN}/units`, { unitName: '', unitKind: 'castle' });
    expect(bad.status).toBe(422);
    const text = await textOf(bad);
    expect(text).toContain('Skriv navnet på enheten');
    expect(text).toContain('Velg type enhet');
  });
});
