import { createScheduledController, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index.ts';
import { Client, location, textOf } from './client.ts';

const count = async (db: D1Database, sql: string, ...params: unknown[]) =>
  (await db.prepare(sql).bind(...params).first<{ n: number }>())?.n ?? 0;

/** Answers the child's form for a municipality and returns the receipt reference. */
async function answer(municipality: string) {
  const form = `/m/${municipality}/barnets-stemme-demo`;
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
    await client.post('/m/andre/barnets-stemme-demo/start');
    const key = [...client.cookies.values()][0] ?? '';
    const stranger = new Client();
    stranger.cookies.set('__Host-d-demo-barnets-stemme-demo', key);
    expect(location(await stranger.get('/m/demo/barnets-stemme-demo/p/school'))).toBe('/m/demo/barnets-stemme-demo');
  });

  it('the nightly clean-up reaches every database', async () => {
    const client = new Client();
    await client.post('/m/andre/barnets-stemme-demo/start');
    await env.DB_SECOND.prepare("UPDATE drafts SET expires_at = 0 WHERE status = 'open'").run();
    await worker.scheduled(createScheduledController(), env);
    expect(await count(env.DB_SECOND, 'SELECT COUNT(*) AS n FROM drafts WHERE expires_at = 0')).toBe(0);
  });
});
