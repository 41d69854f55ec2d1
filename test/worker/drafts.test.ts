import { createExecutionContext, createScheduledController, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp, type AppOptions } from '../../worker/platform/app.tsx';
import worker from '../../worker/index.ts';
import { municipalityBinding } from '../../worker/platform/storage/open.ts';
import type { Env } from '../../worker/platform/env.ts';
import type { Municipality } from '../../worker/core/municipality.ts';
import { Client, location, textOf, type Fetch } from './client.ts';
import { draftIdOf } from './municipalities.ts';

const FORM = '/m/demo/fixture-child';

const appFetch = (options: AppOptions): Fetch => {
  const app = createApp(options);
  return async (request) => app.fetch(request, env, createExecutionContext());
};

const countResponses = async () => (await env.DB.prepare('SELECT COUNT(*) AS n FROM responses').first<{ n: number }>())?.n ?? 0;

async function readyToSubmit(client: Client) {
  await client.post(`${FORM}/start`);
  await client.post(`${FORM}/p/school`, { 'school-feeling': '4' });
  await client.post(`${FORM}/p/friends`, { 'has-friend': 'yes' });
}

const referenceOn = async (response: Response) => (await textOf(response)).match(/MV-[0-9A-Z]{5}-[0-9A-Z]{5}/)?.[0];

/**
 * A municipality database whose batch fails, a given number of times, when it stores a
 * response (D1's own transient error), and works otherwise.
 */
function flakySubmit(failures: number): { binding: (e: Env, municipality: Municipality) => D1Database; calls: () => number } {
  let calls = 0;
  const sqlOf = new WeakMap<D1PreparedStatement, string>();
  const tag = (statement: D1PreparedStatement, sql: string) => {
    sqlOf.set(statement, sql);
    const bind = statement.bind.bind(statement);
    statement.bind = (...values: unknown[]) => tag(bind(...values), sql);
    return statement;
  };
  return {
    calls: () => calls,
    binding: (e, municipality) => {
      const real = municipalityBinding(e, municipality);
      return new Proxy(real, {
        get(target, property) {
          if (property === 'prepare') return (sql: string) => tag(target.prepare(sql), sql);
          if (property === 'batch') {
            return async (statements: D1PreparedStatement[]) => {
              if (statements.some((statement) => /^insert into "responses"/i.test(sqlOf.get(statement) ?? ''))) {
                calls++;
                if (calls <= failures) throw new Error('D1_ERROR: Network connection lost.');
              }
              return target.batch(statements);
            };
          }
          const value = Reflect.get(target, property);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
  };
}

describe('save and resume', () => {
  it('continues on another device with the resume code', async () => {
    const phone = new Client();
    await phone.post(`${FORM}/start`);
    await phone.post(`${FORM}/p/school`, { 'school-feeling': '5' });
    expect(location(await phone.post(`${FORM}/p/friends`, { 'has-friend': 'no', _action: 'save-later' }))).toBe(`${FORM}/save`);
    const codePage = await textOf(await phone.post(`${FORM}/save`));
    const code = codePage.match(/[0-9A-Z]{4}-[0-9A-Z]{4}/)?.[0];
    expect(code).toBeDefined();

    const tablet = new Client(undefined, '198.51.100.7');
    // People type codes in lower case, with spaces, and mix up O and 0.
    const typed = (code ?? '').toLowerCase().replace('-', ' ').replace(/0/g, 'o');
    const resumed = await tablet.post(`${FORM}/resume`, { code: typed });
    expect(resumed.status).toBe(303);
    expect(location(resumed)).toBe(`${FORM}/p/adults`);
    const friends = await (await tablet.get(`${FORM}/p/friends`)).text();
    expect(friends).toMatch(/<input[^>]*value="no"[^>]*\schecked/);

    // Both devices keep working on the same draft.
    await tablet.post(`${FORM}/p/adults`, { 'listened-to': '2' });
    const onPhone = await textOf(await phone.get(`${FORM}/check`));
    expect(onPhone).toContain('Noen ganger');
  });

  it('refuses a wrong code with a clear message', async () => {
    const client = new Client(undefined, '192.0.2.55');
    const wrong = await client.post(`${FORM}/resume`, { code: 'ZZZZ-ZZZZ' });
    expect(wrong.status).toBe(422);
    expect(await textOf(wrong)).toContain('Vi finner ingen lagrede svar med den koden');
    const malformed = await client.post(`${FORM}/resume`, { code: 'abc' });
    expect(await textOf(malformed)).toContain('Koden skal ha 8 bokstaver og tall');
  });

  it('limits how many codes one address can try', async () => {
    const client = new Client(undefined, '192.0.2.99');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) statuses.push((await client.post(`${FORM}/resume`, { code: 'ZZZZ-ZZZ' + (attempt % 10) })).status);
    expect(statuses.slice(0, 10).every((status) => status === 422)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('keeps answers across pages and autosaves in the background', async () => {
    const client = new Client();
    await client.post(`${FORM}/start`);
    const saved = await client.post(`${FORM}/p/school`, { 'school-feeling': '3', _action: 'autosave' }, { accept: 'application/json' });
    expect(saved.status).toBe(200);
    // With the page's new snapshot of the draft, for the next save.
    expect(await saved.json()).toEqual({ saved: true, draft: expect.stringMatching(/^v1\./) });
    const page = await (await client.get(`${FORM}/p/school`)).text();
    expect(page).toMatch(/<input[^>]*value="3"[^>]*\schecked/);
  });

  it('tells the person an expired draft is gone and lets them start again', async () => {
    const client = new Client();
    await client.post(`${FORM}/start`);
    await client.post(`${FORM}/p/school`, { 'school-feeling': '3' });
    const later = new Client(appFetch({ now: () => new Date(Date.now() + 31 * 86_400_000) }));
    for (const [name, value] of client.cookies) later.cookies.set(name, value);
    const page = await later.get(`${FORM}/p/school`);
    expect(page.status).toBe(410);
    expect(await textOf(page)).toContain('Svarene dine er slettet');
    // The stale cookie is cleared, so the next visit starts afresh.
    expect(later.cookies.size).toBe(0);
    expect(location(await later.get(`${FORM}/p/school`))).toBe(FORM);

    // Another tab still sending a page of the expired draft gets the same answer.
    const tab = new Client(appFetch({ now: () => new Date(Date.now() + 31 * 86_400_000) }));
    for (const [name, value] of client.cookies) tab.cookies.set(name, value);
    expect((await tab.post(`${FORM}/p/school`, { 'school-feeling': '4' })).status).toBe(410);
    expect(await textOf(await later.get(FORM))).toContain('Start');
  });
});

describe('nightly clean-up', () => {
  it('deletes expired drafts with their device keys, and keeps live ones', async () => {
    const stale = new Client();
    await stale.post(`${FORM}/start`);
    await stale.post(`${FORM}/p/school`, { 'school-feeling': '2' });
    const live = new Client();
    await live.post(`${FORM}/start`);
    const count = async (sql: string) => (await env.DB.prepare(sql).first<{ n: number }>())?.n ?? 0;
    const staleId = await draftIdOf(stale, env.DB, 'demo', 'fixture-child');
    await env.DB.prepare('UPDATE drafts SET expires_at = 0 WHERE id = ?').bind(staleId).run();
    await worker.scheduled(createScheduledController(), env);
    expect(await count(`SELECT COUNT(*) AS n FROM drafts WHERE id = '${staleId}'`)).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM draft_keys WHERE draft_id NOT IN (SELECT id FROM drafts)')).toBe(0);
    expect((await live.get(`${FORM}/p/school`)).status).toBe(200);
    expect(location(await stale.get(`${FORM}/p/school`))).toBe(FORM);
  });
});

describe('submitting exactly once', () => {
  it('a repeated submit shows the same receipt and stores one response', async () => {
    const client = new Client();
    await readyToSubmit(client);
    const before = await countResponses();
    const first = await client.post(`${FORM}/submit`);
    const second = await client.post(`${FORM}/submit`);
    expect(location(first)).toBe(`${FORM}/done`);
    expect(location(second)).toBe(`${FORM}/done`);
    expect(await countResponses()).toBe(before + 1);
    const reference = await referenceOn(await client.get(`${FORM}/done`));
    expect(reference).toBeDefined();
  });

  it('a double click (two submits at once) stores one response', async () => {
    const client = new Client();
    await readyToSubmit(client);
    const before = await countResponses();
    const responses = await Promise.all([client.post(`${FORM}/submit`), client.post(`${FORM}/submit`), client.post(`${FORM}/submit`)]);
    expect(responses.map(location)).toEqual([`${FORM}/done`, `${FORM}/done`, `${FORM}/done`]);
    expect(await countResponses()).toBe(before + 1);
  });

  it('refuses to submit with a required answer missing, pointing to the question', async () => {
    const client = new Client();
    await client.post(`${FORM}/start`);
    await client.post(`${FORM}/p/school`, { 'school-feeling': '4' });
    const response = await client.post(`${FORM}/submit`);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain(`href="${FORM}/p/friends#q-has-friend-yes"`);
    expect(html).toContain('Har du minst én god venn?');
    // This page answers a POST, so its language links must lead back to the check page.
    expect(html).toContain(`href="${FORM}/check?lang=nn"`);
  });

  it('retries when storage fails briefly, and still stores once', async () => {
    const flaky = flakySubmit(2);
    const client = new Client(appFetch({ municipalityBinding: flaky.binding }));
    await readyToSubmit(client);
    const before = await countResponses();
    expect(location(await client.post(`${FORM}/submit`))).toBe(`${FORM}/done`);
    expect(flaky.calls()).toBe(3);
    expect(await countResponses()).toBe(before + 1);
  });

  it('when storage stays down: "your answers are kept", draft intact, and a later try works', async () => {
    const down = flakySubmit(Number.POSITIVE_INFINITY);
    const client = new Client(appFetch({ municipalityBinding: down.binding }));
    await readyToSubmit(client);
    const before = await countResponses();
    const failed = await client.post(`${FORM}/submit`);
    expect(failed.status).toBe(503);
    expect(await textOf(failed)).toContain('Svarene dine er tatt vare på');
    expect(await countResponses()).toBe(before);

    const recovered = new Client();
    for (const [name, value] of client.cookies) recovered.cookies.set(name, value);
    const check = await textOf(await recovered.get(`${FORM}/check`));
    expect(check).toContain('Bra');
    expect(location(await recovered.post(`${FORM}/submit`))).toBe(`${FORM}/done`);
    expect(await countResponses()).toBe(before + 1);
  });
});
