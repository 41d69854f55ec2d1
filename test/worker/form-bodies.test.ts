/** Form bodies that cannot be read as sent get a clear refusal, in the page's language, and change nothing. */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../worker/core/secrets.ts';
import { Client, ORIGIN, textOf } from './client.ts';
import { staffClient } from './staff.ts';
import { draftAnswers } from './sealed-draft.ts';

const FORM = '/m/demo/fixture-child';
const ADMIN = '/staff/m/demo/admin';

/** Everything the routes could change, in both databases; not rate-limit counters or session times. */
const TABLES = ['municipalities', 'publications', 'form_versions', 'drafts', 'draft_keys', 'responses', 'response_values', 'form_links', 'audit_log', 'units', 'people', 'memberships', 'sign_in_tokens', 'api_tokens', 'outbox'];
async function snapshot() {
  const dump = async (db: D1Database) => Promise.all(TABLES.map(async (table) => (await db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()).results));
  return JSON.stringify([await dump(env.DB), await dump(env.DB_SECOND)]);
}

const part = (name: string, value: string, boundary = 'medvirkGrense') => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;

interface Malformed {
  name: string;
  contentType: string;
  body: string;
  status: number;
  nb: string;
  en: string;
}

const MALFORMED: Malformed[] = [
  {
    name: 'multipart without a boundary',
    contentType: 'multipart/form-data',
    body: `${part('email', 'ansatt@demo.medvirk.no')}--medvirkGrense--\r\n`,
    status: 400,
    nb: 'Skjemaet ble sendt uten skillemerket (boundary)',
    en: 'The form was sent without the boundary',
  },
  {
    name: 'multipart whose boundary never appears',
    contentType: 'multipart/form-data; boundary=finnesIkke',
    body: `${part('email', 'ansatt@demo.medvirk.no')}--medvirkGrense--\r\n`,
    status: 400,
    nb: 'Skjemaet kom ikke fram helt',
    en: 'The form did not arrive whole',
  },
  {
    name: 'multipart cut off mid-part',
    contentType: 'multipart/form-data; boundary=medvirkGrense',
    body: '--medvirkGrense\r\nContent-Disposition: form-data; name="email"\r\n\r\nansatt@de',
    status: 400,
    nb: 'Skjemaet kom ikke fram helt',
    en: 'The form did not arrive whole',
  },
  {
    name: 'urlencoded in UTF-16',
    contentType: 'application/x-www-form-urlencoded; charset=utf-16',
    body: 'email=ansatt%40demo.medvirk.no',
    status: 415,
    nb: 'Sidene tar bare imot skjemaer i UTF-8',
    en: 'These pages only accept forms in UTF-8',
  },
];

interface Route {
  name: string;
  /** A client that may post there (signed in where needed, with a draft where needed) and the path. */
  prepare: () => Promise<{ client: Client; path: string }>;
}

let addresses = 0;
const anonymous = () => new Client(undefined, `192.0.2.${++addresses}`);
const admin = () => staffClient('admin@demo.medvirk.no');
let linkId = '';

/** Every POST route that reads a form body. */
const ROUTES: Route[] = [
  {
    name: 'journey page',
    prepare: async () => {
      const client = anonymous();
      await client.post(`${FORM}/start`);
      return { client, path: `${FORM}/p/school` };
    },
  },
  { name: 'resume with a code', prepare: async () => ({ client: anonymous(), path: `${FORM}/resume` }) },
  { name: 'staff sign-in', prepare: async () => ({ client: anonymous(), path: '/staff/sign-in' }) },
  { name: 'staff sign-in verify', prepare: async () => ({ client: anonymous(), path: '/staff/sign-in/verify' }) },
  { name: 'make a link', prepare: async () => ({ client: await admin(), path: '/staff/m/demo/links' }) },
  { name: 'answer together with the child', prepare: async () => ({ client: await admin(), path: `/staff/m/demo/links/${linkId}/assist` }) },
  { name: 'add a person', prepare: async () => ({ client: await admin(), path: `${ADMIN}/people` }) },
  { name: "change a person's roles", prepare: async () => ({ client: await admin(), path: `${ADMIN}/people/demo-kollega` }) },
  { name: 'add a unit', prepare: async () => ({ client: await admin(), path: `${ADMIN}/units` }) },
  { name: 'settings', prepare: async () => ({ client: await admin(), path: `${ADMIN}/settings` }) },
  { name: 'issue an API token', prepare: async () => ({ client: await admin(), path: `${ADMIN}/tokens` }) },
];

const send = (client: Client, path: string, contentType: string, body: BodyInit, headers: Record<string, string> = {}) =>
  client.request(path, { method: 'POST', body, headers: { origin: ORIGIN, 'content-type': contentType, ...headers } });

beforeAll(async () => {
  const made = await (await admin()).post('/staff/m/demo/links', { form: 'fixture-child', childAge: '9', language: 'nb', respondent: 'child', caseReference: 'BODY-1', expiresInDays: '14', singleUse: 'yes' });
  linkId = (await made.text()).match(/\/staff\/m\/demo\/links\/([0-9a-f-]{36})/)?.[1] ?? '';
  expect(linkId).not.toBe('');
});

describe('a form body that cannot be read', () => {
  describe.each(ROUTES)('$name', ({ prepare }) => {
    it.each(MALFORMED)('$name: refused with a specific message in bokmål and English, nothing changed', async ({ contentType, body, status, nb, en }) => {
      const { client, path } = await prepare();
      const before = await snapshot();
      const inBokmal = await send(client, path, contentType, body);
      expect(inBokmal.status).toBe(status);
      expect(await textOf(inBokmal)).toContain(nb);
      const inEnglish = await send(client, `${path}?lang=en`, contentType, body);
      expect(inEnglish.status).toBe(status);
      expect(await textOf(inEnglish)).toContain(en);
      expect(await snapshot()).toBe(before);
    });
  });

  it('is refused in JSON when JSON is asked for', async () => {
    const client = anonymous();
    await client.post(`${FORM}/start`);
    const response = await send(client, `${FORM}/p/school`, 'multipart/form-data; boundary=finnesIkke', `${part('_action', 'autosave')}--medvirkGrense--\r\n`, { accept: 'application/json' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'formIncomplete', message: expect.stringContaining('var kuttet av eller passet ikke med skillemerket') });
  });

  it('a well-formed multipart body and an explicit UTF-8 charset are still read', async () => {
    const client = anonymous();
    await client.post(`${FORM}/start`);
    const multipart = await send(client, `${FORM}/p/school`, 'multipart/form-data; boundary=medvirkGrense', `${part('school-feeling', '4')}--medvirkGrense--\r\n`);
    expect(multipart.status).toBe(303);
    const urlencoded = await send(client, `${FORM}/p/school`, 'application/x-www-form-urlencoded; charset="UTF-8"', 'school-feeling=5');
    expect(urlencoded.status).toBe(303);
    const key = [...client.cookies.values()][0] ?? '';
    const row = await env.DB.prepare('SELECT d.id, d.answers FROM drafts d JOIN draft_keys k ON k.draft_id = d.id WHERE k.key_hash = ?').bind(await sha256Hex(key)).first<{ id: string; answers: string }>();
    expect(await draftAnswers(row!)).toEqual({ 'school-feeling': '5' });
  });
});

describe('an urlencoded body with broken percent-escapes', () => {
  it.each([
    ['an escape that is not hexadecimal', 'school-hard-text=hei%ZZ'],
    ['a lone percent sign', 'school-hard-text=100%'],
    ['an escape that is broken UTF-8', 'school-hard-text=%E2%82'],
    ['a name with a broken escape', 'school-hard-text=hei&%E2%82=x'],
  ])('%s: 400 with a clear message, nothing saved', async (_, body) => {
    const client = anonymous();
    await client.post(`${FORM}/start`);
    await client.post(`${FORM}/p/school`, { 'school-feeling': '1' });
    const before = await snapshot();
    const response = await send(client, `${FORM}/p/school-hard`, 'application/x-www-form-urlencoded', body);
    expect(response.status).toBe(400);
    expect(await textOf(response)).toContain('Skjemaet hadde tegn vi ikke kunne lese');
    const english = await send(client, `${FORM}/p/school-hard?lang=en`, 'application/x-www-form-urlencoded', body);
    expect(await textOf(english)).toContain('The form had characters we could not read');
    expect(await snapshot()).toBe(before);
  });

  it('raw bytes that are not UTF-8: 400, nothing saved', async () => {
    const client = anonymous();
    await client.post(`${FORM}/start`);
    const before = await snapshot();
    const body = new Uint8Array([...new TextEncoder().encode('school-feeling=1&x='), 0xff, 0xfe]);
    const response = await send(client, `${FORM}/p/school`, 'application/x-www-form-urlencoded', body);
    expect(response.status).toBe(400);
    expect(await textOf(response)).toContain('Skjemaet hadde tegn vi ikke kunne lese');
    expect(await snapshot()).toBe(before);
  });

  it('well-formed escapes, including "+" for a space and multi-byte letters, are read as typed', async () => {
    const client = anonymous();
    await client.post(`${FORM}/start`);
    await client.post(`${FORM}/p/school`, { 'school-feeling': '1' });
    const response = await send(client, `${FORM}/p/school-hard`, 'application/x-www-form-urlencoded', 'school-hard-text=bl%C3%A5+b%C3%A6r%20%F0%9F%98%80%25');
    expect(response.status).toBe(303);
    const key = [...client.cookies.values()][0] ?? '';
    const row = await env.DB.prepare('SELECT d.id, d.answers FROM drafts d JOIN draft_keys k ON k.draft_id = d.id WHERE k.key_hash = ?').bind(await sha256Hex(key)).first<{ id: string; answers: string }>();
    expect((await draftAnswers(row!))['school-hard-text']).toBe('blå bær 😀%');
  });
});
