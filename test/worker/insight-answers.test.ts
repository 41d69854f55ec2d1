/** Answering through a round's open link: the journey as usual, and an answer nobody can trace back. */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../worker/core/secrets.ts';
import { Client, location, textOf } from './client.ts';
import { draftIdOf } from './municipalities.ts';
import { staffClient } from './staff.ts';
import { closeRound, createRound, day, insightMunicipality, linksOf, PLANNER, roundFields } from './insight.ts';

const FORM = 'innsikt-barn';

async function openRound(options: { opensOn?: string; closesOn?: string } = {}) {
  const { id, units } = await insightMunicipality();
  const planner = await staffClient(PLANNER);
  const round = await createRound(planner, id, roundFields({ units: [units[0]!], ...options }));
  const [link] = await linksOf(round);
  return { municipality: id, round, code: link!.code, unit: units[0]! };
}

describe('an answer through an open link', () => {
  it('is stored with round, unit, group and ISO week only; the draft and its key are gone, and free text goes to the queue unlinked', async () => {
    const { municipality, round, code, unit } = await openRound();
    const child = new Client(undefined, '198.51.100.7');
    const opened = await child.get(`/r/${municipality}/${code}`);
    expect(opened.status).toBe(303);
    expect(location(opened)).toBe(`/m/${municipality}/${FORM}`);
    // The form need not be published: the round's draft opens it.
    expect((await child.get(`/m/${municipality}/${FORM}`)).status).toBe(200);
    expect((await child.post(`/m/${municipality}/${FORM}/start`)).status).toBe(303);
    const draftId = await draftIdOf(child, env.DB, municipality, FORM);
    const submissionId = (await env.DB.prepare('SELECT submission_id FROM drafts WHERE id = ?').bind(draftId).first<{ submission_id: string }>())!.submission_id;
    expect((await child.post(`/m/${municipality}/${FORM}/p/about-you`, { grade: 'grade-7', gender: 'girl' })).status).toBe(303);
    expect((await child.post(`/m/${municipality}/${FORM}/p/school`, { 'school-thrive': '4', 'teacher-care': '~declined' })).status).toBe(303);
    expect((await child.post(`/m/${municipality}/${FORM}/p/your-words`, { 'better-here': 'Flere benker i skolegården.' })).status).toBe(303);
    const sent = await child.post(`/m/${municipality}/${FORM}/submit`);
    expect(sent.status).toBe(303);
    expect(location(sent)).toBe(`/r/${municipality}/${code}/done`);
    expect(await textOf(await child.get(location(sent)))).toContain('Takk for svarene dine!');

    const rows = (await env.DB.prepare('SELECT * FROM insight_answers WHERE round_id = ?').bind(round).all<Record<string, unknown>>()).results;
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    // Nothing but these columns exists to hold a time, an address, a device or a draft.
    expect(Object.keys(row).sort()).toEqual(['answers', 'form_id', 'form_version', 'group', 'id', 'round_id', 'unit_id', 'week']);
    expect(row).toMatchObject({ round_id: round, unit_id: unit, group: 'children', form_id: FORM });
    expect(row.week).toMatch(/^\d{4}-W\d{2}$/);
    expect(row.id).not.toBe(submissionId);
    expect(row.id).not.toBe(draftId);
    // Counted answers only: the declined one and the free text are not in it.
    expect(JSON.parse(String(row.answers))).toEqual({ grade: 'grade-7', gender: 'girl', 'school-thrive': '4' });
    const serialized = JSON.stringify(row);
    for (const trace of ['198.51.100.7', draftId, submissionId, await sha256Hex('198.51.100.7')]) expect(serialized).not.toContain(trace);

    const quotes = (await env.DB.prepare('SELECT * FROM insight_quotes WHERE round_id = ?').bind(round).all<Record<string, unknown>>()).results;
    expect(quotes.map((quote) => [quote.question_id, quote.text, quote.status])).toEqual([['better-here', 'Flere benker i skolegården.', 'pending']]);
    expect(Object.keys(quotes[0]!)).not.toContain('unit_id');
    expect(quotes[0]!.id).not.toBe(row.id);

    expect(await env.DB.prepare('SELECT id FROM drafts WHERE id = ?').bind(draftId).first()).toBeNull();
    expect(await env.DB.prepare('SELECT key_hash FROM draft_keys WHERE draft_id = ?').bind(draftId).first()).toBeNull();
    expect(await env.DB.prepare('SELECT id FROM responses WHERE municipality_id = ?').bind(municipality).first()).toBeNull();
    expect([...child.cookies.keys()].some((name) => name.includes(`-${municipality}-${FORM}`))).toBe(false);
    // The open link is counted per round-unit code, not per address.
    expect(await env.DB.prepare('SELECT key FROM rate_limits WHERE key = ?').bind(await sha256Hex(`round-link:${municipality}:${code}`)).first()).not.toBeNull();
    expect(await env.DB.prepare('SELECT key FROM rate_limits WHERE key = ?').bind(await sha256Hex('round-link:198.51.100.7')).first()).toBeNull();

    // Sending again from the same device stores nothing more.
    await child.post(`/m/${municipality}/${FORM}/submit`);
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM insight_answers WHERE round_id = ?').bind(round).first<{ n: number }>())!.n).toBe(1);
  });

  it('is refused once the round is closed, and a draft begun before keeps nothing', async () => {
    const { municipality, round, code } = await openRound();
    const child = new Client();
    await child.get(`/r/${municipality}/${code}`);
    await child.post(`/m/${municipality}/${FORM}/start`);
    await child.post(`/m/${municipality}/${FORM}/p/school`, { 'school-thrive': '2' });
    await closeRound(round);
    const sent = await child.post(`/m/${municipality}/${FORM}/submit`);
    expect(sent.status).toBe(410);
    expect(await textOf(sent)).toContain('Undersøkelsen er avsluttet');
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM insight_answers WHERE round_id = ?').bind(round).first<{ n: number }>())!.n).toBe(0);
    expect((await new Client().get(`/r/${municipality}/${code}`)).status).toBe(410);
  });

  it('does not open before the first day, nor for a code of another municipality', async () => {
    const { municipality, code } = await openRound({ opensOn: day(3), closesOn: day(10) });
    const early = await new Client().get(`/r/${municipality}/${code}?lang=en`);
    expect(early.status).toBe(404);
    expect(await textOf(early)).toContain('The survey has not opened yet');
    const other = await insightMunicipality();
    expect((await new Client().get(`/r/${other.id}/${code}`)).status).toBe(404);
    expect((await new Client().get(`/r/${municipality}/not-a-code`)).status).toBe(404);
  });
});
