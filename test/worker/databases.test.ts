import { createScheduledController, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index.ts';
import { Client, location, textOf } from './client.ts';
import { draftIdOf, newMunicipality } from './municipalities.ts';

const count = async (db: D1Database, sql: string, ...params: unknown[]) =>
  (await db.prepare(sql).bind(...params).first<{ n: number }>())?.n ?? 0;

/** Answers the child's form for a municipality and returns the receipt reference. */
async function answer(municipality: string) {
  const form = `/m/${municipality}/fixture-child`;
  const client = new Client();
  await client.post(`${form}/start`);
  await client.post(`${form}/p/school`, { 'school-feeling': '4' });
  await client.post(`${form}/p/friends`, { 'has-friend': 'yes' });
  expect(location(await client.post(`${form}/submit`))).toBe(`${form}/done`);
  return { client, reference: (await textOf(await client.get(`${form}/done`))).match(/MV-[0-9A-Z]{5}-[0-9A-Z]{5}/)?.[0] ?? '' };
}

describe('one database per municipality', () => {
  it("keeps each municipality's drafts and responses in its own database", async () => {
    const inDemo = await answer('demo');
    const inAndre = await answer('andre');

    const where = 'SELECT COUNT(*) AS n FROM responses WHERE reference = ?';
    expect(await count(env.DB, where, inDemo.reference)).toBe(1);
    expect(await count(env.DB_SECOND, where, inDemo.reference)).toBe(0);
    expect(await count(env.DB_SECOND, where, inAndre.reference)).toBe(1);
    expect(await count(env.DB, where, inAndre.reference)).toBe(0);
    // Nothing of "andre" is written to the shared database, not even form versions or drafts.
    expect(await count(env.DB, "SELECT COUNT(*) AS n FROM drafts WHERE municipality_id = 'andre'")).toBe(0);
    expect(await count(env.DB_SECOND, "SELECT COUNT(*) AS n FROM drafts WHERE municipality_id = 'andre'")).toBeGreaterThan(0);
    expect(await count(env.DB_SECOND, 'SELECT COUNT(*) AS n FROM form_versions')).toBeGreaterThan(0);
  });

  it("a draft key from one municipality opens nothing in another", async () => {
    const client = new Client();
    await client.post('/m/andre/fixture-child/start');
    const key = [...client.cookies.values()][0] ?? '';
    const stranger = new Client();
    stranger.cookies.set('__Host-d-demo-fixture-child', key);
    expect(location(await stranger.get('/m/demo/fixture-child/p/school'))).toBe('/m/demo/fixture-child');
  });

  it('the nightly clean-up reaches every database', async () => {
    const client = new Client();
    await client.post('/m/andre/fixture-child/start');
    const id = await draftIdOf(client, env.DB_SECOND, 'andre', 'fixture-child');
    await env.DB_SECOND.prepare('UPDATE drafts SET expires_at = 0 WHERE id = ?').bind(id).run();
    await worker.scheduled(createScheduledController(), env);
    expect(await count(env.DB_SECOND, 'SELECT COUNT(*) AS n FROM drafts WHERE id = ?', id)).toBe(0);
  });
});

describe('retention of answers', () => {
  it("the nightly clean-up deletes a municipality's answers older than its retention period, and only those", async () => {
    const insert = (db: D1Database, municipality: string, period: string) => {
      const id = crypto.randomUUID();
      return db
        .prepare("INSERT INTO responses (id, reference, municipality_id, form_id, form_version, language, answers, submitted_period) VALUES (?, ?, ?, 'fixture-child', 'v', 'nb', '{}', ?)")
        .bind(id, `MV-${id.slice(0, 11)}`, municipality, period)
        .run()
        .then(() => id);
    };
    const keepsAYear = await newMunicipality({ database: 'DB_SECOND', responseRetentionMonths: 12 });
    const old = await insert(env.DB_SECOND, keepsAYear, '2020-01');
    const recent = await insert(env.DB_SECOND, keepsAYear, new Date().toISOString().slice(0, 7));
    // Demo keeps the default 60 months, so its answer from 2024 stays.
    const demoKept = await insert(env.DB, 'demo', `${new Date().getUTCFullYear() - 2}-01`);
    await env.DB_SECOND.prepare("INSERT INTO response_values (response_id, question_id, value) VALUES (?, 'school-feeling', '3')").bind(old).run();
    await worker.scheduled(createScheduledController(), env);
    const exists = async (db: D1Database, id: string) => (await count(db, 'SELECT COUNT(*) AS n FROM responses WHERE id = ?', id)) === 1;
    expect(await exists(env.DB_SECOND, old)).toBe(false);
    expect(await count(env.DB_SECOND, 'SELECT COUNT(*) AS n FROM response_values WHERE response_id = ?', old)).toBe(0);
    expect(await exists(env.DB_SECOND, recent)).toBe(true);
    expect(await exists(env.DB, demoKept)).toBe(true);
  });
});
