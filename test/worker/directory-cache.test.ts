import { createExecutionContext, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../worker/platform/app.tsx';
import { Client } from './client.ts';
import { draftIdOf, newMunicipality } from './municipalities.ts';
import { staffClient } from './staff.ts';

const FORM = 'fixture-child';
const DAY = 86_400_000;

/** An app as deployed (directory entries cached a minute here), on a clock the test moves. */
function cachingApp() {
  let offset = 0;
  const app = createApp({ directoryCacheMs: 60_000, now: () => new Date(Date.now() + offset) });
  const fetcher = (request: Request) => app.fetch(request, env, createExecutionContext());
  const client = (address: string) => new Client(fetcher, address);
  return { client, fetcher, later: (ms: number) => (offset += ms), now: () => Date.now() + offset };
}

async function draftDays(child: Client, municipality: string, now: number) {
  await child.post(`/m/${municipality}/${FORM}/start`);
  await child.post(`/m/${municipality}/${FORM}/p/school`, { 'school-feeling': '3' });
  const id = await draftIdOf(child, env.DB, municipality, FORM);
  const row = await env.DB.prepare('SELECT expires_at FROM drafts WHERE id = ?').bind(id).first<{ expires_at: number }>();
  return Math.round(((row?.expires_at ?? 0) - now) / DAY);
}

describe('the directory cache of a journey', () => {
  it("an admin's change of settings applies at once in the isolate that made it", async () => {
    const municipality = await newMunicipality({ draftTtlDays: 30, publishes: [FORM], members: [['demo-admin', 'admin']] });
    const app = cachingApp();
    expect(await draftDays(app.client('10.11.0.1'), municipality, app.now())).toBe(30);
    const admin = await staffClient('admin@demo.medvirk.no', app.fetcher);
    const saved = await admin.post(`/staff/m/${municipality}/admin/settings`, { writtenStandard: 'nb', suppressionThreshold: '5', draftTtlDays: '60', responseRetentionMonths: '60', linkVisibility: 'unit' });
    expect(saved.status).toBe(303);
    expect(await draftDays(app.client('10.11.0.3'), municipality, app.now())).toBe(60);
  });

  it('a change made elsewhere is seen once the cached entry is a minute old, not before', async () => {
    const municipality = await newMunicipality({ publishes: [FORM] });
    const app = cachingApp();
    expect((await app.client('10.11.1.1').get(`/m/${municipality}/${FORM}`)).status).toBe(200);
    // Another isolate (here: the database directly) closes the form.
    await env.DB.prepare('UPDATE publications SET closed_at = 1 WHERE municipality_id = ?').bind(municipality).run();
    expect((await app.client('10.11.1.2').get(`/m/${municipality}/${FORM}`)).status).toBe(200);
    app.later(61_000);
    expect((await app.client('10.11.1.3').get(`/m/${municipality}/${FORM}`)).status).toBe(404);
  });
});
