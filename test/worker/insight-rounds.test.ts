/** Planning rounds: who may, what bad input is told, and the open links a round gets. */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { textOf } from './client.ts';
import { staffClient } from './staff.ts';
import { createRound, day, insightMunicipality, linksOf, PLANNER, roundFields } from './insight.ts';

const roundsOf = async (municipality: string) => (await env.DB.prepare('SELECT COUNT(*) AS n FROM insight_rounds WHERE municipality_id = ?').bind(municipality).first<{ n: number }>())?.n;
const auditOf = async (municipality: string) => (await env.DB.prepare('SELECT action, target_id FROM audit_log WHERE municipality_id = ? ORDER BY id').bind(municipality).all<{ action: string; target_id: string }>()).results;

describe('making a round', () => {
  it('gives one open link per unit and group, and audits it', async () => {
    const { id, units } = await insightMunicipality();
    const planner = await staffClient(PLANNER);
    const round = await createRound(planner, id, roundFields({ name: 'Vår 2027', groups: ['children', 'guardians'], units }));
    const links = await linksOf(round);
    expect(links.map((link) => `${link.unit_id}/${link.group}`)).toEqual([`${units[0]}/children`, `${units[0]}/guardians`, `${units[1]}/children`, `${units[1]}/guardians`]);
    expect(new Set(links.map((link) => link.code)).size).toBe(4);
    expect(await auditOf(id)).toEqual([{ action: 'round.create', target_id: round }]);
    const page = await planner.get(`/staff/m/${id}/insight/rounds/${round}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`https://medvirk.test/r/${id}/${links[0]!.code}`);
    expect(html).toContain('data:image/svg+xml;base64,');

    // The numbers invited: a word is refused at its own field and nothing is saved; numbers are.
    const wrong = await planner.post(`/staff/m/${id}/insight/rounds/${round}/invited`, { [`invited-${links[1]!.id}`]: 'tretti', [`invited-${links[0]!.id}`]: '30' });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain(`href="#invited-${links[1]!.id}"`);
    const invited = () => env.DB.prepare('SELECT invited FROM insight_links WHERE round_id = ? ORDER BY unit_id, "group"').bind(round).all().then((rows) => rows.results.map((row) => row.invited));
    expect(await invited()).toEqual([null, null, null, null]);
    expect((await planner.post(`/staff/m/${id}/insight/rounds/${round}/invited`, { [`invited-${links[0]!.id}`]: '30', [`invited-${links[1]!.id}`]: '28' })).status).toBe(303);
    expect(await invited()).toEqual([30, 28, null, null]);
    expect((await auditOf(id)).map((entry) => entry.action)).toEqual(['round.create', 'round.invited']);
  });

  it('keeps local questions in the written standard and English and puts them into the form the group answers', async () => {
    const { id, units } = await insightMunicipality({ writtenStandard: 'nn' });
    const planner = await staffClient(PLANNER);
    const round = await createRound(planner, id, roundFields({ units: [units[0]!], local: [{ text: 'Brukar du biblioteket?', textEn: 'Do you use the library?', options: 'Ja\nNei', optionsEn: 'Yes\nNo' }] }));
    const [link] = await linksOf(round);
    const child = new (await import('./client.ts')).Client();
    const opened = await child.get(`/r/${id}/${link!.code}`);
    expect(opened.status).toBe(303);
    const start = await child.get(opened.headers.get('location')!);
    expect(start.status).toBe(200);
    await child.post(`/m/${id}/innsikt-barn/start`);
    const local = await child.get(`/m/${id}/innsikt-barn/p/local`);
    expect(local.status).toBe(200);
    const text = await textOf(local);
    expect(text).toContain('Brukar du biblioteket?');
    expect(text).toContain('Nokre spørsmål frå kommunen');
  });
});

describe('bad input', () => {
  const cases = [
    { name: 'dates reversed', field: 'closesOn', fields: (units: string[]) => roundFields({ units, opensOn: day(10), closesOn: day(2) }), nb: 'Siste dag for svar må være samme dag som eller etter første dag', nn: 'Siste dag for svar må vera same dag som eller etter første dag', en: 'The last day for answers must be the same as or after the first day' },
    {
      name: 'six local questions',
      field: 'local',
      fields: (units: string[]) => roundFields({ units, local: Array.from({ length: 6 }, (_, n) => ({ text: `Spørsmål ${n}?`, textEn: `Question ${n}?`, options: 'Ja\nNei', optionsEn: 'Yes\nNo' })) }),
      nb: 'Du kan ha høyst 5 egne spørsmål',
      nn: 'Du kan ha høgst 5 eigne spørsmål',
      en: 'You can have at most 5 questions of your own',
    },
    { name: 'an unknown unit', field: 'units', fields: (units: string[]) => roundFields({ units: [units[0]!, 'demo-skole'] }), nb: 'Én av enhetene finnes ikke i kommunen', nn: 'Ei av einingane finst ikkje i kommunen', en: 'One of the units does not exist in the municipality' },
  ];
  for (const item of cases) {
    it(`refuses ${item.name} with its own message in nb, nn and en, and makes nothing`, async () => {
      const { id, units } = await insightMunicipality();
      const planner = await staffClient(PLANNER);
      for (const lang of ['nb', 'nn', 'en'] as const) {
        const response = await planner.post(`/staff/m/${id}/insight/rounds?lang=${lang}`, item.fields(units));
        expect(response.status).toBe(422);
        const text = await textOf(response);
        expect(text).toContain(item[lang]);
      }
      expect(await roundsOf(id)).toBe(0);
    });
  }
});

describe('access', () => {
  it('refuses staff without the planner role and planners of other municipalities, and changes nothing', async () => {
    const { id, units } = await insightMunicipality();
    const other = await insightMunicipality();
    const planner = await staffClient(PLANNER);
    const round = await createRound(planner, id, roundFields({ units }));
    const before = { rounds: await roundsOf(id), closed: await env.DB.prepare('SELECT closed_at FROM insight_rounds WHERE id = ?').bind(round).first(), audit: (await auditOf(id)).length };

    const staff = await staffClient('ansatt@demo.medvirk.no');
    // demo-ansatt is staff here; the planner of `other` has no role in a third municipality.
    const stranger = await insightMunicipality({ members: [] });
    const attempts: [string, string, [string, string][]?][] = [
      ['GET', `/staff/m/${id}/insight`],
      ['GET', `/staff/m/${id}/insight/rounds/${round}`],
      ['POST', `/staff/m/${id}/insight/rounds`, roundFields({ units })],
      ['POST', `/staff/m/${id}/insight/rounds/${round}/close`, [['confirm', 'yes']]],
      ['GET', `/staff/m/${id}/insight/rounds/${round}/quotes`],
    ];
    for (const [method, path, body] of attempts) {
      const response = method === 'GET' ? await staff.get(path) : await staff.post(path, body);
      expect(response.status, `staff ${method} ${path}`).toBe(403);
    }
    for (const [method, path, body] of attempts) {
      const elsewhere = path.replace(`/m/${id}/`, `/m/${stranger.id}/`);
      const response = method === 'GET' ? await planner.get(elsewhere) : await planner.post(elsewhere, body);
      expect(response.status, `planner elsewhere ${method} ${elsewhere}`).toBe(403);
    }
    // A planner where they are one, asking for another municipality's round: not found.
    const asOther = await planner.get(`/staff/m/${other.id}/insight/rounds/${round}`);
    expect(asOther.status).toBe(404);
    const closeOther = await planner.post(`/staff/m/${other.id}/insight/rounds/${round}/close`, { confirm: 'yes' });
    expect(closeOther.status).toBe(404);

    expect({ rounds: await roundsOf(id), closed: await env.DB.prepare('SELECT closed_at FROM insight_rounds WHERE id = ?').bind(round).first(), audit: (await auditOf(id)).length }).toEqual(before);
    expect(await roundsOf(stranger.id)).toBe(0);
  });
});
