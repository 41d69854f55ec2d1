import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, location } from './client.ts';
import { staffClient } from './staff.ts';

/** The admin routes: refused even to staff of the municipality. */
const ADMIN_ROUTES: { method: 'GET' | 'POST'; path: (ids: Ids) => string; body?: Record<string, string> }[] = [
  { method: 'GET', path: () => '/staff/m/demo/admin/people' },
  { method: 'POST', path: () => '/staff/m/demo/admin/people', body: { name: 'Matrix', email: 'matrix@demo.medvirk.no', roles: 'admin', unit: '' } },
  { method: 'POST', path: () => '/staff/m/demo/admin/people/demo-ansatt', body: { roles: 'admin' } },
  { method: 'GET', path: () => '/staff/m/demo/admin/audit' },
  { method: 'GET', path: () => '/staff/m/demo/admin/audit.csv' },
  { method: 'GET', path: () => '/staff/m/demo/admin/tokens' },
  { method: 'POST', path: () => '/staff/m/demo/admin/tokens', body: { name: 'Matrix' } },
  { method: 'GET', path: () => '/staff/m/demo/admin/settings' },
  { method: 'GET', path: () => '/staff/m/demo/consents/services' },
  { method: 'POST', path: () => '/staff/m/demo/consents/services', body: { version: '0', services: '[]' } },
  { method: 'POST', path: () => '/staff/m/demo/admin/units', body: { unitName: 'Matrix', unitKind: 'school' } },
  { method: 'POST', path: () => '/staff/m/demo/admin/settings', body: { writtenStandard: 'nn', suppressionThreshold: '3', draftTtlDays: '1', responseRetentionMonths: '6', linkVisibility: 'sender' } },
];

/** Every staff route for one municipality, with what it needs to be a real request. */
const ROUTES: { method: 'GET' | 'POST'; path: (ids: Ids) => string; body?: Record<string, string> | ((ids: Ids) => Record<string, string>) }[] = [
  { method: 'GET', path: () => '/staff/m/demo/links' },
  { method: 'GET', path: () => '/staff/m/demo/links/new' },
  { method: 'POST', path: () => '/staff/m/demo/links', body: { form: 'fixture-child', childAge: '9', language: 'nb', respondent: 'child', caseReference: 'MATRIX-1', expiresInDays: '14', singleUse: 'yes', email: '' } },
  { method: 'GET', path: (ids) => `/staff/m/demo/links/${ids.link}` },
  { method: 'POST', path: (ids) => `/staff/m/demo/links/${ids.link}/assist`, body: { role: 'teacher' } },
  { method: 'POST', path: (ids) => `/staff/m/demo/links/${ids.link}/revoke` },
  { method: 'GET', path: (ids) => `/staff/m/demo/responses/${ids.response}` },
  { method: 'GET', path: (ids) => `/staff/m/demo/responses/${ids.response}/pdf` },
  { method: 'GET', path: () => '/staff/m/demo/consents' },
  { method: 'GET', path: () => '/staff/m/demo/consents/new' },
  { method: 'POST', path: () => '/staff/m/demo/consents', body: { caseReference: 'MATRIX-2', services: 'school', guardians: '1', childAge: '8', listVersion: '0' } },
  { method: 'GET', path: () => '/staff/m/demo/consents/check?case=MATRIX-C&service=school' },
  { method: 'GET', path: (ids) => `/staff/m/demo/consents/${ids.consent}` },
  { method: 'POST', path: (ids) => `/staff/m/demo/consents/${ids.consent}/signers/${ids.signer}/link`, body: { language: 'nb' } },
  { method: 'POST', path: (ids) => `/staff/m/demo/consents/${ids.consent}/withdraw`, body: (ids) => ({ signer: ids.signer, service: 'all', note: 'Matrix' }) },
  { method: 'POST', path: (ids) => `/staff/m/demo/consents/${ids.consent}/countersign` },
  { method: 'GET', path: () => '/staff/m/demo/cases' },
  { method: 'GET', path: () => '/staff/m/demo/cases/MATRIX-0' },
  { method: 'POST', path: (ids) => `/staff/m/demo/cases/MATRIX-0/responses/${ids.response}/review` },
  { method: 'POST', path: () => '/staff/m/demo/cases/MATRIX-0/assessments', body: {} },
  { method: 'POST', path: () => '/staff/m/demo/cases/MATRIX-0/meetings' },
  { method: 'GET', path: (ids) => `/staff/m/demo/assessments/${ids.assessment}` },
  { method: 'GET', path: (ids) => `/staff/m/demo/assessments/${ids.assessment}/p/know` },
  { method: 'POST', path: (ids) => `/staff/m/demo/assessments/${ids.assessment}/p/know`, body: { 'know-views': 'Matrix' } },
  { method: 'POST', path: (ids) => `/staff/m/demo/assessments/${ids.assessment}/complete` },
  { method: 'POST', path: (ids) => `/staff/m/demo/assessments/${ids.assessment}/revise` },
  { method: 'POST', path: (ids) => `/staff/m/demo/assessments/${ids.assessment}/feedback`, body: { email: '' } },
  { method: 'GET', path: (ids) => `/staff/m/demo/assessments/${ids.assessment}/document` },
  { method: 'GET', path: (ids) => `/staff/m/demo/assessments/${ids.assessment}/pdf` },
  { method: 'GET', path: (ids) => `/staff/m/demo/meetings/${ids.meeting}` },
  { method: 'POST', path: (ids) => `/staff/m/demo/meetings/${ids.meeting}/references`, body: { response: '', assessment: '' } },
  { method: 'GET', path: (ids) => `/staff/m/demo/meetings/${ids.meeting}/p/plan` },
  { method: 'POST', path: (ids) => `/staff/m/demo/meetings/${ids.meeting}/p/meeting`, body: { purpose: 'Matrix' } },
  { method: 'GET', path: (ids) => `/staff/m/demo/meetings/${ids.meeting}/p/plan/1` },
  { method: 'POST', path: (ids) => `/staff/m/demo/meetings/${ids.meeting}/p/plan/1`, body: { goal: 'Matrix', measure: 'Matrix' } },
  { method: 'POST', path: (ids) => `/staff/m/demo/meetings/${ids.meeting}/p/plan/1/remove` },
  ...ADMIN_ROUTES,
];

interface Ids {
  link: string;
  response: string;
  consent: string;
  signer: string;
  assessment: string;
  meeting: string;
}

const ids: Ids = { link: '', response: '', consent: '', signer: '', assessment: '', meeting: '' };
/** What the case routes could change: assessments and their versions, meeting records and reviews. */
const caseState = async () =>
  env.DB.prepare('SELECT (SELECT COUNT(*) FROM assessments) AS a, (SELECT COUNT(*) FROM assessment_versions) AS v, (SELECT group_concat(revision) FROM meeting_records) AS m, (SELECT COUNT(*) FROM response_reviews) AS r').first();
/** What the admin routes could change: memberships, people and API tokens. */
const adminState = async () => ({
  memberships: (await env.DB.prepare('SELECT COUNT(*) AS n FROM memberships').first<{ n: number }>())?.n,
  people: (await env.DB.prepare('SELECT COUNT(*) AS n FROM people').first<{ n: number }>())?.n,
  tokens: (await env.DB.prepare('SELECT COUNT(*) AS n FROM api_tokens').first<{ n: number }>())?.n,
  serviceLists: (await env.DB.prepare('SELECT COUNT(*) AS n FROM consent_service_lists').first<{ n: number }>())?.n,
  units: (await env.DB.prepare('SELECT COUNT(*) AS n FROM units').first<{ n: number }>())?.n,
  settings: await env.DB.prepare("SELECT written_standard, suppression_threshold, draft_ttl_days, link_visibility FROM municipalities WHERE id = 'demo'").first(),
});
/** What the consent routes could change: consents, their log, their signers' links. */
const consentState = async () => ({
  consents: (await env.DB.prepare('SELECT COUNT(*) AS n FROM consents').first<{ n: number }>())?.n,
  events: (await env.DB.prepare('SELECT COUNT(*) AS n FROM consent_events').first<{ n: number }>())?.n,
  countersigned: (await env.DB.prepare('SELECT COUNT(*) AS n FROM consents WHERE countersigned_by IS NOT NULL').first<{ n: number }>())?.n,
});
const linkCount = async () => (await env.DB.prepare("SELECT COUNT(*) AS n FROM form_links WHERE municipality_id = 'demo'").first<{ n: number }>())?.n;
const revoked = async () => (await env.DB.prepare('SELECT revoked_at FROM form_links WHERE id = ?').bind(ids.link).first<{ revoked_at: number | null }>())?.revoked_at;

beforeAll(async () => {
  // A real link of Demo kommune, answered, so every route has something to find.
  const owner = await staffClient('ansatt@demo.medvirk.no');
  const created = await (await owner.post('/staff/m/demo/links', { form: 'fixture-child', childAge: '9', language: 'nb', respondent: 'child', caseReference: 'MATRIX-0', expiresInDays: '14', singleUse: 'yes', email: '' })).text();
  ids.link = created.match(/\/staff\/m\/demo\/links\/([0-9a-f-]{36})/)?.[1] ?? '';
  const path = new URL(created.match(/https:\/\/medvirk\.test\/l\/demo\/[\w-]{34}/)?.[0] ?? 'https://x').pathname;
  const child = new Client();
  await child.get(path);
  await child.post('/m/demo/fixture-child/p/school', { 'school-feeling': '4' });
  await child.post('/m/demo/fixture-child/p/friends', { 'has-friend': 'yes' });
  await child.post('/m/demo/fixture-child/submit');
  ids.response = (await env.DB.prepare('SELECT response_id FROM form_links WHERE id = ?').bind(ids.link).first<{ response_id: string }>())?.response_id ?? '';
  expect(ids.response).not.toBe('');
  const consent = await owner.post('/staff/m/demo/consents', { caseReference: 'MATRIX-C', services: 'school', guardians: '1', childAge: '8', listVersion: '0' });
  ids.consent = location(consent).split('/').pop() ?? '';
  ids.signer = (await env.DB.prepare('SELECT id FROM consent_signers WHERE consent_id = ?').bind(ids.consent).first<{ id: string }>())?.id ?? '';
  expect(ids.signer).not.toBe('');
  ids.assessment = location(await owner.post('/staff/m/demo/cases/MATRIX-0/assessments', { response: ids.response })).split('/')[5] ?? '';
  ids.meeting = location(await owner.post('/staff/m/demo/cases/MATRIX-0/meetings')).split('/')[5] ?? '';
  expect(ids.assessment).not.toBe('');
  expect(ids.meeting).not.toBe('');
});

const bodyOf = (route: (typeof ROUTES)[number]) => (typeof route.body === 'function' ? route.body(ids) : route.body);
const send = (client: Client, route: (typeof ROUTES)[number]) => (route.method === 'GET' ? client.get(route.path(ids)) : client.post(route.path(ids), bodyOf(route)));

describe('every staff route refuses anyone without a role in the municipality', () => {
  it.each(ROUTES.map((route) => [`${route.method} ${route.path({ link: ':id', response: ':id', consent: ':id', signer: ':signer', assessment: ':id', meeting: ':id' })}`, route] as const))('%s', async (_name, route) => {
    const before = { links: await linkCount(), revoked: await revoked(), cases: await caseState(), ...(await adminState()), ...(await consentState()) };

    const signedOut = await send(new Client(), route);
    expect(signedOut.status).toBe(303);
    expect(location(signedOut)).toBe('/staff/sign-in');
    const signedOutJson = await new Client().request(route.path(ids), { method: route.method, headers: { accept: 'application/json', origin: 'https://medvirk.test', 'content-type': 'application/x-www-form-urlencoded' }, body: route.method === 'POST' ? new URLSearchParams(bodyOf(route)) : undefined });
    expect(signedOutJson.status).toBe(401);

    // Staff and admin of another municipality (whose data is in another database).
    const stranger = await staffClient('ansatt@andre.medvirk.no');
    expect((await send(stranger, route)).status).toBe(403);
    // A planner of this municipality sees aggregates only, never links or answers.
    const planner = await staffClient('planlegger@demo.medvirk.no');
    expect((await send(planner, route)).status).toBe(403);
    // Signed in, but without any role at all.
    expect((await send(await staffClient('ingen@demo.medvirk.no'), route)).status).toBe(403);

    expect({ links: await linkCount(), revoked: await revoked(), cases: await caseState(), ...(await adminState()), ...(await consentState()) }).toEqual(before);
  });

  it.each(ADMIN_ROUTES.map((route) => [`${route.method} ${route.path(ids)}`, route] as const))('staff without the admin role: %s', async (_name, route) => {
    const before = await adminState();
    expect((await send(await staffClient('ansatt@demo.medvirk.no'), route)).status).toBe(403);
    expect(await adminState()).toEqual(before);
  });

  it('a cross-site form post is refused even for a member', async () => {
    const member = await staffClient('ansatt@demo.medvirk.no');
    const response = await member.post('/staff/m/demo/links', ROUTES[2] && bodyOf(ROUTES[2]), { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(response.status).toBe(403);
  });
});

describe('an inter-municipal service', () => {
  it('its staff work in exactly the municipalities it serves, whatever database each uses', async () => {
    // One child-welfare worker for Demo (DB) and Andre (DB_SECOND), not for Nynorsk.
    const worker = await staffClient('barnevern@felles.medvirk.no');
    expect((await worker.get('/staff/m/demo/links')).status).toBe(200);
    expect((await worker.get('/staff/m/andre/links')).status).toBe(200);
    expect((await worker.get('/staff/m/nynorsk/links')).status).toBe(403);
    const made = await worker.post('/staff/m/andre/links', { form: 'fixture-child', childAge: '9', language: 'nb', respondent: 'child', caseReference: 'FELLES-1', expiresInDays: '14', singleUse: 'yes', email: '' });
    expect(made.status).toBe(200);
    // The link is Andre's, kept in Andre's own database, and invisible from Demo.
    expect((await env.DB_SECOND.prepare("SELECT COUNT(*) AS n FROM form_links WHERE case_reference = 'FELLES-1'").first<{ n: number }>())?.n).toBe(1);
    expect((await env.DB.prepare("SELECT COUNT(*) AS n FROM form_links WHERE case_reference = 'FELLES-1'").first<{ n: number }>())?.n).toBe(0);
    const id = (await made.text()).match(/\/staff\/m\/andre\/links\/([0-9a-f-]{36})/)?.[1];
    expect((await worker.get(`/staff/m/demo/links/${id}`)).status).toBe(404);
  });

  it('its staff get the same consent check in each municipality they serve, from that municipality’s own register', async () => {
    const worker = await staffClient('barnevern@felles.medvirk.no');
    for (const municipality of ['demo', 'andre']) {
      const started = await worker.post(`/staff/m/${municipality}/consents`, { caseReference: 'FELLES-C', services: 'child-welfare', guardians: '1', childAge: '8', listVersion: '0' });
      expect(started.status).toBe(303);
      const check = await (await worker.get(`/staff/m/${municipality}/consents/check?case=FELLES-C&service=child-welfare`)).text();
      expect(check).toContain('Ikke alle som må signere, har svart ennå.');
    }
    expect((await env.DB_SECOND.prepare("SELECT COUNT(*) AS n FROM consents WHERE case_reference = 'FELLES-C'").first<{ n: number }>())?.n).toBe(1);
    expect((await worker.get('/staff/m/nynorsk/consents/check?case=FELLES-C&service=child-welfare')).status).toBe(403);
  });
});

describe('reading answers is a permission of its own', () => {
  const audited = async (action: string, targetId: string) =>
    (await env.DB.prepare("SELECT person_id FROM audit_log WHERE action = ? AND target_id = ? AND municipality_id = 'demo'").bind(action, targetId).all<{ person_id: string }>()).results.map((row) => row.person_id);
  /** The routes that show a child's answer, or the case it belongs to. */
  const readingRoutes = () => [`/staff/m/demo/responses/${ids.response}`, `/staff/m/demo/responses/${ids.response}/pdf`, `/staff/m/demo/links/${ids.link}`, '/staff/m/demo/cases/MATRIX-0'];

  it('an admin manages people, units and settings without reading answers outside the visibility rule', async () => {
    const admin = await staffClient('admin@demo.medvirk.no');
    for (const path of ['/staff/m/demo/admin/people', '/staff/m/demo/admin/settings', '/staff/m/demo/admin/audit']) expect((await admin.get(path)).status).toBe(200);
    for (const path of readingRoutes()) expect((await admin.get(path)).status, path).toBe(404);
    expect(await (await admin.get('/staff/m/demo/links')).text()).not.toContain('MATRIX-0');
    // Nor can they give themselves the right.
    const self = await admin.post('/staff/m/demo/admin/people/demo-admin', { roles: 'admin', unit: '', readsAnswers: 'yes' });
    expect(self.status).toBe(422);
    expect(await self.text()).toContain('Du kan ikke gi deg selv rett til å lese alle svar');
    for (const path of readingRoutes()) expect((await admin.get(path)).status, path).toBe(404);
  });

  it('the municipality grants an admin reading every answer explicitly, audited, and can take it back', async () => {
    const admin = await staffClient('admin@demo.medvirk.no');
    expect((await admin.post('/staff/m/demo/admin/people', { name: 'Lea Leser', email: 'leser@demo.medvirk.no', roles: 'admin', unit: '' })).status).toBe(303);
    const reader = await staffClient('leser@demo.medvirk.no');
    const readerId = (await env.DB.prepare("SELECT id FROM people WHERE email = 'leser@demo.medvirk.no'").first<{ id: string }>())?.id ?? '';
    for (const path of readingRoutes()) expect((await reader.get(path)).status, path).toBe(404);

    // The grant is kept only with the admin role.
    await admin.post(`/staff/m/demo/admin/people/${readerId}`, { roles: 'staff', unit: '', readsAnswers: 'yes' });
    expect((await reader.get(`/staff/m/demo/responses/${ids.response}`)).status).toBe(404);
    expect(await audited('answers.grant', readerId)).toEqual([]);

    expect((await admin.post(`/staff/m/demo/admin/people/${readerId}`, { roles: 'admin', unit: '', readsAnswers: 'yes' })).status).toBe(303);
    expect(await audited('answers.grant', readerId)).toEqual(['demo-admin']);
    for (const path of readingRoutes()) expect((await reader.get(path)).status, path).toBe(200);
    expect(await (await admin.get('/staff/m/demo/admin/people')).text()).toMatch(new RegExp(`id="reads-${readerId}"[^>]*checked`));
    // Changing their roles again keeps the grant, and writes no second grant.
    await admin.post('/staff/m/demo/admin/people', { name: 'Lea Leser', email: 'leser@demo.medvirk.no', roles: 'admin', unit: '' });
    expect((await reader.get(`/staff/m/demo/responses/${ids.response}`)).status).toBe(200);
    expect(await audited('answers.grant', readerId)).toEqual(['demo-admin']);

    await admin.post(`/staff/m/demo/admin/people/${readerId}`, { roles: 'admin', unit: '' });
    expect(await audited('answers.revoke', readerId)).toEqual(['demo-admin']);
    for (const path of readingRoutes()) expect((await reader.get(path)).status, path).toBe(404);
    // The file's first PDF loads fontkit and parses two fonts: over a second on a busy machine.
  }, 15_000);
});
