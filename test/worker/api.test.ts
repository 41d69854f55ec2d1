import { createExecutionContext, env, SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUTH_FAILURE_LIMIT } from '../../worker/features/api/limits.ts';
import { openApiDocument } from '../../worker/features/api/openapi.ts';
import { createApp } from '../../worker/platform/app.tsx';
import { api } from '../../worker/features/api/routes.ts';
import { sha256Hex } from '../../worker/core/secrets.ts';
import { ApiTokens } from '../../worker/features/api/tokens.ts';
import { Client, location, textOf } from './client.ts';
import { staffClient } from './staff.ts';

const DEMO = '/api/v1/municipalities/demo';

interface Call {
  method?: 'GET' | 'POST';
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A request as a case-management system sends it: a bearer token, JSON, no cookies, no origin. */
let calls = 0;
function call(path: string, { method = 'GET', token, body, headers = {} }: Call = {}) {
  const init: RequestInit = { method, headers: { 'cf-connecting-ip': `198.51.100.${++calls % 250}`, ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } };
  if (body instanceof Blob) init.body = body;
  else if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers = { 'content-type': 'application/json', ...init.headers };
  }
  return SELF.fetch(new Request(`https://medvirk.test${path}`, init));
}

const newLink = (fields: Record<string, unknown> = {}) => ({
  form: 'fixture-child', childAge: '9',
  language: 'nb',
  respondent: 'child',
  caseReference: `API-${Math.floor(Math.random() * 1e9)}`,
  expiresInDays: 14,
  singleUse: true,
  ...fields,
});

interface LinkJson {
  id: string;
  url?: string;
  status: string;
  caseReference: string;
  createdBy: string;
  responseId: string | null;
  expiresAt: string;
}

async function create(token: string, fields: Record<string, unknown> = {}, municipality = 'demo') {
  const response = await call(`/api/v1/municipalities/${municipality}/links`, { method: 'POST', token, body: newLink(fields) });
  expect(response.status).toBe(201);
  return (await response.json()) as LinkJson;
}

/** Answers the child's form behind a personal link, as the child would. */
async function answer(url: string) {
  const child = new Client();
  expect(location(await child.get(new URL(url).pathname))).toBe('/m/demo/fixture-child');
  await child.post('/m/demo/fixture-child/p/school', { 'school-feeling': '2' });
  await child.post('/m/demo/fixture-child/p/friends', { 'has-friend': 'yes' });
  expect(location(await child.post('/m/demo/fixture-child/submit'))).toBe('/m/demo/fixture-child/done');
}

const count = async (sql: string, ...values: unknown[]) => (await env.DB.prepare(sql).bind(...values).first<{ n: number }>())?.n ?? 0;
const demoLinks = () => count("SELECT COUNT(*) AS n FROM form_links WHERE municipality_id = 'demo'");
const apiAudits = (action: string, targetId: string, personId: string) =>
  count("SELECT COUNT(*) AS n FROM audit_log WHERE action = ? AND target_id = ? AND person_id = ? AND via = 'api'", action, targetId, personId);

const tokens = { demo: '', demoId: '', andre: '', nynorsk: '', revoked: '' };

beforeAll(async () => {
  const issuer = new ApiTokens(env.DB);
  // Issuing yields the statement that stores the token; awaiting a statement runs it.
  const issue = async (municipality: string, name: string, by: string) => {
    const made = await issuer.issue(municipality, name, by, new Date());
    await made.statement;
    return made;
  };
  const demo = await issue('demo', 'Test', 'demo-admin');
  tokens.demo = demo.secret;
  tokens.demoId = demo.token.id;
  tokens.andre = (await issue('andre', 'Andre', 'andre-ansatt')).secret;
  tokens.nynorsk = (await issue('nynorsk', 'Nynorsk', 'demo-admin')).secret;
  const revoked = await issue('demo', 'Old', 'demo-admin');
  await issuer.revoke(revoked.token.id, 'demo', new Date());
  tokens.revoked = revoked.secret;
});

describe('personal links through the API', () => {
  it('makes a link, lists it, follows it to answered, reads the answer (audited) and revokes another', async () => {
    const made = await call(`${DEMO}/links`, { method: 'POST', token: tokens.demo, body: newLink({ caseReference: 'API-FLOW-1' }) });
    expect(made.status).toBe(201);
    const link = (await made.json()) as LinkJson;
    expect(link.url).toMatch(/^https:\/\/medvirk\.test\/l\/demo\/[\w-]{34}$/);
    expect(link).toMatchObject({ status: 'created', caseReference: 'API-FLOW-1', createdBy: `token:${tokens.demoId}`, responseId: null });
    expect(made.headers.get('location')).toBe(`${DEMO}/links/${link.id}`);
    expect(await apiAudits('link.create', link.id, `token:${tokens.demoId}`)).toBe(1);
    // Filed under no unit, and the address itself is kept nowhere.
    const stored = await env.DB.prepare('SELECT * FROM form_links WHERE id = ?').bind(link.id).first<Record<string, unknown>>();
    expect(stored?.unit_id).toBeNull();
    expect(JSON.stringify(stored)).not.toContain(link.url?.split('/').pop());

    const listed = (await (await call(`${DEMO}/links?caseReference=API-FLOW-1`, { token: tokens.demo })).json()) as { links: LinkJson[] };
    expect(listed.links.map((item) => item.id)).toEqual([link.id]);
    expect(listed.links[0]).not.toHaveProperty('url');
    expect(listed.links[0]).not.toHaveProperty('tokenHash');

    const fetched = await call(`${DEMO}/links/${link.id}`, { token: tokens.demo });
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toMatchObject({ id: link.id, status: 'created', responseId: null });

    await answer(link.url ?? '');
    const answered = (await (await call(`${DEMO}/links/${link.id}`, { token: tokens.demo })).json()) as LinkJson;
    expect(answered.status).toBe('submitted');
    expect(answered.responseId).toMatch(/^[0-9a-f-]{36}$/);
    const submitted = (await (await call(`${DEMO}/links?status=submitted&caseReference=API-FLOW-1`, { token: tokens.demo })).json()) as { links: LinkJson[] };
    expect(submitted.links.map((item) => item.id)).toEqual([link.id]);

    const responseId = answered.responseId ?? '';
    const read = await call(`${DEMO}/responses/${responseId}`, { token: tokens.demo });
    expect(read.status).toBe(200);
    const body = (await read.json()) as { linkId: string; formId: string; answers: Record<string, unknown>; readable: { questionId: string; label: string; state: string; answer: string[] }[] };
    expect(body).toMatchObject({ linkId: link.id, formId: 'fixture-child', answers: { 'school-feeling': '2', 'has-friend': 'yes' } });
    expect(body.readable.find((row) => row.questionId === 'school-feeling')).toMatchObject({ label: 'Hvordan har du det på skolen?', state: 'answered', answer: ['Dårlig'] });
    expect(await apiAudits('response.view', responseId, `token:${tokens.demoId}`)).toBe(1);
    // Labels and texts follow Accept-Language; each read is one more audit entry.
    const english = (await (await call(`${DEMO}/responses/${responseId}`, { token: tokens.demo, headers: { 'accept-language': 'en-GB,en;q=0.9' } })).json()) as typeof body;
    expect(english.readable.find((row) => row.questionId === 'school-feeling')?.label).toBe('How are things for you at school?');
    expect(await apiAudits('response.view', responseId, `token:${tokens.demoId}`)).toBe(2);

    const other = await create(tokens.demo);
    const revoked = await call(`${DEMO}/links/${other.id}/revoke`, { method: 'POST', token: tokens.demo, body: {} });
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toMatchObject({ id: other.id, status: 'revoked' });
    expect(await apiAudits('link.revoke', other.id, `token:${tokens.demoId}`)).toBe(1);
    expect(await textOf(await new Client().get(new URL(other.url ?? '').pathname))).toContain('Lenken er trukket tilbake');
  });

  it('returns the rows of a repeatable page, each answer with its row, its columns and its value', async () => {
    const link = await create(tokens.demo, { form: 'fixture-household', respondent: 'guardian' });
    const FORM = '/m/demo/fixture-household';
    const guardian = new Client();
    expect(location(await guardian.get(new URL(link.url ?? '').pathname))).toBe(FORM);
    await guardian.post(`${FORM}/p/you`, { 'your-name': 'Kari' });
    await guardian.post(`${FORM}/p/children/1`, { 'child-name': 'Ola', 'in-school': 'yes', 'school-name': 'Byskolen' });
    await guardian.post(`${FORM}/p/children`, { another: 'yes' });
    await guardian.post(`${FORM}/p/children/2`, { 'child-name': 'Siri', 'in-school': 'no' });
    await guardian.post(`${FORM}/p/children`, { another: 'no' });
    expect(location(await guardian.post(`${FORM}/submit`))).toBe(`${FORM}/done`);

    const { responseId } = (await (await call(`${DEMO}/links/${link.id}`, { token: tokens.demo })).json()) as LinkJson;
    const body = (await (await call(`${DEMO}/responses/${responseId}`, { token: tokens.demo })).json()) as {
      answers: Record<string, unknown>;
      readable: { questionId: string; row?: number; answer: string[]; value?: unknown; columns: Record<string, string> }[];
    };
    expect(body.answers.children).toEqual([{ 'child-name': 'Ola', 'in-school': 'yes', 'school-name': 'Byskolen' }, { 'child-name': 'Siri', 'in-school': 'no' }]);
    const names = body.readable.filter((item) => item.questionId === 'child-name');
    expect(names.map((item) => [item.row, item.answer, item.value, item.columns])).toEqual([
      [1, ['Ola'], 'Ola', { 'child-name': 'Ola' }],
      [2, ['Siri'], 'Siri', { 'child-name': 'Siri' }],
    ]);
    expect(body.readable.find((item) => item.questionId === 'your-name')).not.toHaveProperty('row');
  });

  it('lists the forms a link can be made for', async () => {
    const response = await call(`${DEMO}/forms`, { token: tokens.demo });
    expect(response.status).toBe(200);
    const { forms } = (await response.json()) as { forms: { id: string; version: string; title: Record<string, string>; languages: string[] }[] };
    expect(forms.find((form) => form.id === 'fixture-child')).toMatchObject({ title: { nb: 'Hva mener du?', nn: 'Kva meiner du?' }, languages: ['nb', 'nn', 'en'] });
    expect(forms.every((form) => /^[0-9a-f]{16}$/.test(form.version))).toBe(true);
  });

  it('sees every link of the municipality, whoever made it, like an admin', async () => {
    const staffMade = await env.DB.prepare(
      "INSERT INTO form_links (id, municipality_id, token_hash, form_id, language, respondent, case_reference, created_by, unit_id, single_use, created_at, expires_at) VALUES (?, 'demo', ?, 'fixture-child', 'nb', 'child', 'API-STAFF-1', 'demo-helse', 'demo-helsestasjon', 1, ?, ?)",
    )
      .bind(crypto.randomUUID(), crypto.randomUUID(), Date.now(), Date.now() + 86_400_000)
      .run();
    expect(staffMade.success).toBe(true);
    const listed = (await (await call(`${DEMO}/links?caseReference=API-STAFF-1`, { token: tokens.demo })).json()) as { links: LinkJson[] };
    expect(listed.links).toHaveLength(1);
  });
});

describe('what the API refuses', () => {
  it('explains every invalid field in the asked language and creates nothing', async () => {
    const before = await demoLinks();
    const bad = await call(`${DEMO}/links`, { method: 'POST', token: tokens.demo, body: { form: 'nope', language: 'de', respondent: 'cat', caseReference: 'Kari Nordmann', expiresInDays: 999, singleUse: 'yes', email: 'x@' } });
    expect(bad.status).toBe(400);
    const { error, problems } = (await bad.json()) as { error: string; problems: { field: string; message: string }[] };
    expect(error).toBe('invalid');
    expect(Object.fromEntries(problems.map((problem) => [problem.field, problem.message]))).toEqual({
      form: 'Velg et skjema',
      language: 'Velg språk',
      respondent: 'Velg hvem som skal svare',
      caseReference: expect.stringContaining('Skriv en saksreferanse'),
      expiresInDays: 'Velg hvor lenge lenken skal virke',
      singleUse: 'Velg om lenken bare kan brukes til ett svar',
      email: 'Skriv en gyldig e-postadresse, eller la feltet stå tomt',
    });

    // Missing fields are named too, here in nynorsk.
    const empty = await call(`${DEMO}/links`, { method: 'POST', token: tokens.demo, body: {}, headers: { 'accept-language': 'nn' } });
    expect(empty.status).toBe(400);
    const missing = ((await empty.json()) as { problems: { field: string; message: string }[] }).problems;
    expect(missing.map((problem) => problem.field).sort()).toEqual(['caseReference', 'expiresInDays', 'form', 'language', 'respondent', 'singleUse']);
    expect(missing.find((problem) => problem.field === 'form')?.message).toBe('Vel eit skjema');

    for (const body of ['[1, 2]', '{"form": ', '"text"']) {
      const broken = await call(`${DEMO}/links`, { method: 'POST', token: tokens.demo, body });
      expect(broken.status).toBe(400);
      expect(((await broken.json()) as { error: string }).error).toBe('badRequest');
    }
    expect((await call(`${DEMO}/links?status=lost`, { token: tokens.demo })).status).toBe(400);
    expect(await demoLinks()).toBe(before);
  });

  it('refuses a missing, unknown or revoked token', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer mvk_nottherealtoken' }, { authorization: `Bearer ${tokens.revoked}` }, { authorization: `Basic ${btoa('a:b')}` }, { authorization: tokens.demo }];
    for (const headers of attempts) {
      const response = await call(`${DEMO}/links`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await response.json()).toEqual({ error: 'apiUnauthorized', message: expect.stringContaining('API-nøkkel') });
    }
  });

  it("refuses another municipality's token, and finds no other municipality's links or answers", async () => {
    const before = await demoLinks();
    const refused = await call(`${DEMO}/links`, { method: 'POST', token: tokens.andre, body: newLink() });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toBe('apiNoAccess');
    expect(await demoLinks()).toBe(before);

    // Nynorsk kommune shares Demo's database, so its link is there to be found, but not by Demo's token.
    const theirs = await create(tokens.nynorsk, {}, 'nynorsk');
    const theirsPath = `/api/v1/municipalities/nynorsk/links/${theirs.id}`;
    expect((await call(`${DEMO}/links/${theirs.id}`, { token: tokens.demo })).status).toBe(404);
    expect((await call(`${DEMO}/links/${theirs.id}/revoke`, { method: 'POST', token: tokens.demo, body: {} })).status).toBe(404);
    expect(((await (await call(theirsPath, { token: tokens.nynorsk })).json()) as LinkJson).status).toBe('created');
    expect((await call(`${DEMO}/links/${crypto.randomUUID()}`, { token: tokens.demo })).status).toBe(404);

    // An answer given without a link (the public form) is not the API's to hand out.
    const publicId = crypto.randomUUID();
    await env.DB.prepare(
      "INSERT INTO responses (id, reference, municipality_id, form_id, form_version, language, answers, submitted_period, submitted_at) VALUES (?, ?, 'demo', 'fixture-child', 'x', 'nb', '{}', '2026-11', 0)",
    )
      .bind(publicId, `API-${publicId.slice(0, 8)}`)
      .run();
    const notFound = await call(`${DEMO}/responses/${publicId}`, { token: tokens.demo });
    expect(notFound.status).toBe(404);
    expect(((await notFound.json()) as { error: string }).error).toBe('notFound');
    expect(await count("SELECT COUNT(*) AS n FROM audit_log WHERE target_id = ? AND action = 'response.view'", publicId)).toBe(0);
  });

  it('takes only JSON, whatever else a POST claims to be', async () => {
    const before = await demoLinks();
    const fields = new URLSearchParams({ form: 'fixture-child', childAge: '9', language: 'nb', respondent: 'child', caseReference: 'API-FORM-1', expiresInDays: '14', singleUse: 'yes' }).toString();
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', 'application/jsonp', undefined]) {
      // A blob without a type, so that none is added when none is given.
      const response = await call(`${DEMO}/links`, { method: 'POST', token: tokens.demo, body: new Blob([fields]), headers: type ? { 'content-type': type } : {} });
      expect(response.status).toBe(415);
      expect(((await response.json()) as { error: string }).error).toBe('apiJsonOnly');
    }
    expect(await demoLinks()).toBe(before);
  });

  it('stops a token that makes too many requests, counted per token', async () => {
    const busy = await new ApiTokens(env.DB).issue('demo', 'Busy', 'demo-admin', new Date());
    await busy.statement;
    const { secret } = busy;
    const windowMs = 600_000;
    const windowStart = Math.floor(Date.now() / windowMs) * windowMs;
    // Full for this window (and the next, should the test cross a window's end).
    for (const start of [windowStart, windowStart + windowMs]) {
      await env.DB.prepare('INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 600)').bind(await sha256Hex(`api:${secret}`), start).run();
    }
    const limited = await call(`${DEMO}/forms`, { token: secret });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: string }).error).toBe('tooManyRequests');
    expect((await call(`${DEMO}/forms`, { token: tokens.demo })).status).toBe(200);
  });

  it('stops a client that sends too many wrong tokens, but no other client', async () => {
    // A fixed clock, so the run cannot straddle two windows.
    const app = createApp({ now: () => new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + 60_000) });
    const from = (address: string, token: string) =>
      app.fetch(new Request(`https://medvirk.test${DEMO}/forms`, { headers: { 'cf-connecting-ip': address, authorization: `Bearer ${token}`, 'accept-language': 'en' } }), env, createExecutionContext());
    for (let attempt = 0; attempt < AUTH_FAILURE_LIMIT.limit; attempt++) expect((await from('203.0.113.201', `mvk_wrong${attempt}`)).status).toBe(401);
    const limited = await from('203.0.113.201', 'mvk_wrongAgain');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toEqual({ error: 'tooManyRequests', message: expect.stringContaining('Wait a little') });
    // Not even a right token is confirmed to this client now, or guessing would go on.
    expect((await from('203.0.113.201', tokens.demo)).status).toBe(429);
    // Another client, with the right token, is not affected.
    expect((await from('203.0.113.202', tokens.demo)).status).toBe(200);
  });

  it('answers JSON even to an address it does not have', async () => {
    const response = await call('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

/** Every route the router serves, as `METHOD /path/{param}`. */
const served = () =>
  new Set(api.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`));

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1, served without a token, and describes exactly the routes the router serves', async () => {
    const response = await call('/api/v1/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as typeof openApiDocument;
    expect(document.openapi).toBe('3.1.0');
    expect(document).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
    const described = new Set(Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`)));
    expect(described).toEqual(served());
    expect(served().size).toBe(15);
  });

  it('refers only to components it defines', () => {
    const refs = [...JSON.stringify(openApiDocument).matchAll(/"\$ref":"#\/components\/(\w+)\/(\w+)"/g)];
    expect(refs.length).toBeGreaterThan(0);
    for (const [, section = '', name = ''] of refs) expect(Object.keys(openApiDocument.components[section as keyof typeof openApiDocument.components]), `${section}/${name}`).toContain(name);
  });
});

/** Every API route for Demo kommune, as in the staff access matrix. */
const ROUTES: { method: 'GET' | 'POST'; path: (ids: Ids) => string; body?: unknown }[] = [
  { method: 'GET', path: () => `${DEMO}/forms` },
  { method: 'GET', path: () => `${DEMO}/links` },
  { method: 'POST', path: () => `${DEMO}/links`, body: newLink({ caseReference: 'API-MATRIX-1' }) },
  { method: 'GET', path: (ids) => `${DEMO}/links/${ids.link}` },
  { method: 'POST', path: (ids) => `${DEMO}/links/${ids.link}/revoke`, body: {} },
  { method: 'GET', path: (ids) => `${DEMO}/responses/${ids.response}` },
  { method: 'GET', path: () => `${DEMO}/consents/check?caseReference=API-MATRIX-C&service=school` },
  { method: 'GET', path: (ids) => `${DEMO}/cases/${ids.caseReference}/responses` },
  { method: 'GET', path: (ids) => `${DEMO}/cases/${ids.caseReference}/assessments` },
  { method: 'GET', path: (ids) => `${DEMO}/assessments/${ids.assessment}` },
  { method: 'GET', path: () => `${DEMO}/insight/rounds` },
  { method: 'GET', path: (ids) => `${DEMO}/insight/rounds/${ids.round}/results` },
];

interface Ids {
  link: string;
  response: string;
  caseReference: string;
  assessment: string;
  round: string;
}

describe('every API route refuses a missing token and another municipality’s', () => {
  const ids: Ids = { link: '', response: '', caseReference: 'API-MATRIX-0', assessment: '', round: crypto.randomUUID() };
  const state = async () => ({
    links: await demoLinks(),
    revoked: (await env.DB.prepare('SELECT revoked_at FROM form_links WHERE id = ?').bind(ids.link).first<{ revoked_at: number | null }>())?.revoked_at,
    views: await count("SELECT COUNT(*) AS n FROM audit_log WHERE target_id = ? AND action = 'response.view'", ids.response),
  });

  beforeAll(async () => {
    const link = await create(tokens.demo, { caseReference: 'API-MATRIX-0' });
    await answer(link.url ?? '');
    ids.link = link.id;
    ids.response = ((await (await call(`${DEMO}/links/${link.id}`, { token: tokens.demo })).json()) as LinkJson).responseId ?? '';
    expect(ids.response).not.toBe('');
    // An admin the municipality lets read every answer starts an assessment of the case on the
    // staff pages (a link made through the API has no unit, so only such an admin sees it).
    await env.DB.batch([
      env.DB.prepare("INSERT OR IGNORE INTO people (id, email, name, created_at) VALUES ('api-leser', 'leser@api.medvirk.no', 'Lise Leser', 0)"),
      env.DB.prepare("INSERT OR IGNORE INTO memberships (person_id, municipality_id, role, unit_id, reads_answers) VALUES ('api-leser', 'demo', 'admin', NULL, 1)"),
    ]);
    const admin = await staffClient('leser@api.medvirk.no');
    ids.assessment = (location(await admin.post('/staff/m/demo/cases/API-MATRIX-0/assessments', { response: ids.response })).split('/')[5]) ?? '';
    expect(ids.assessment).not.toBe('');
    // A closed user-insight round of Demo kommune, with no answers.
    await env.DB.prepare("INSERT INTO insight_rounds (id, municipality_id, name, opens_on, closes_on, closed_at, groups, local_questions, created_by, created_at) VALUES (?, 'demo', 'API-runde', '2025-01-01', '2025-01-31', 1, '[{\"group\":\"children\",\"form\":\"innsikt-barn\"}]', '[]', 'demo-planlegger', 0)").bind(ids.round).run();
  });

  it('covers every route that needs a token', () => {
    expect(new Set(ROUTES.map((route) => `${route.method} ${route.path({ link: '{id}', response: '{id}', caseReference: '{caseReference}', assessment: '{id}', round: '{id}' }).replace(DEMO, '/municipalities/{municipality}').replace(/\?.*$/, '')}`))).toEqual(
      new Set([...served()].filter((route) => !['GET /openapi.json', 'GET /consent-keys/{municipality}', 'POST /consent-receipts/check'].includes(route))),
    );
  });

  it.each(ROUTES.map((route) => [`${route.method} ${route.path({ link: ':id', response: ':id', caseReference: ':caseReference', assessment: ':id', round: ':id' })}`, route] as const))('%s', async (_name, route) => {
    const before = await state();
    const send = (token?: string) => call(route.path(ids), { method: route.method, token, body: route.body });
    expect((await send()).status).toBe(401);
    expect((await send(tokens.andre)).status).toBe(403);
    expect((await send(tokens.revoked)).status).toBe(401);
    expect(await state()).toEqual(before);
    // The route itself works for the right token (revoking last, since it changes the link).
    if (route.method === 'GET') expect((await send(tokens.demo)).status).toBe(200);
  });
});
