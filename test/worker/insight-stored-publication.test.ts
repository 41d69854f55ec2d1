/**
 * A closed round is published once and kept: the scheduled job stores its whole set, every view
 * after it reads that set instead of counting and suppressing the answers again, and a changed
 * threshold publishes anew.
 */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index.ts';
import { createApp } from '../../worker/platform/app.tsx';
import { Rounds } from '../../worker/features/insight/repository.ts';
import { Database } from '../../worker/platform/storage/database.ts';
import { D1Counter } from './d1-counter.ts';
import { staffClient } from './staff.ts';
import { closeRound, createRound, insightMunicipality, PLANNER, roundFields, storeAnswers, times } from './insight.ts';

const storedSignature = async (round: string) => (await env.DB.prepare('SELECT signature FROM insight_publications WHERE round_id = ?').bind(round).first<{ signature: string }>())?.signature;

/** A closed round of a fresh municipality: ten answers in one unit, four of them a 5 (fewer than the threshold). */
async function closedRound() {
  const { id, units } = await insightMunicipality();
  const round = await createRound(await staffClient(PLANNER), id, roundFields({ units }));
  await storeAnswers(round, units[0]!, [...times(6, { 'school-thrive': '4' }), ...times(4, { 'school-thrive': '5' })]);
  await closeRound(round);
  return { id, round };
}

/** The planner, through an app whose D1 round trips are counted, reading the directory afresh (a setting changed in the test applies at once). */
async function countedPlanner() {
  const counter = new D1Counter();
  const app = createApp({ directoryCacheMs: 0 });
  const planner = await staffClient(PLANNER, async (request) => {
    const ctx = createExecutionContext();
    const response = await app.fetch(request, counter.env(env), ctx);
    await waitOnExecutionContext(ctx);
    return response;
  });
  counter.take();
  return { planner, counter };
}

/** The statements' first words, one per line. */
const statements = (counter: D1Counter) =>
  counter
    .take()
    .flatMap((trip) => trip.sql)
    .join('\n');

/** The row of "everyone who answered" in the school-thrive table, as text. */
const everyone = (html: string) => html.slice(html.indexOf('id="q-school-thrive"')).match(/<tr[^>]*>\s*<th[^>]*>Everyone who answered<\/th>(.*?)<\/tr>/s)?.[1]?.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('a closed round’s stored publication', () => {
  it('is made by the scheduled job, and every view reads it instead of counting the answers again', async () => {
    const { id, round } = await closedRound();
    // One round a run, and other tests' closed rounds may come first.
    for (let run = 0; run < 40 && !(await storedSignature(round)); run++) await worker.scheduled(createScheduledController({ cron: '*/15 * * * *' }), env);
    expect(await storedSignature(round)).toMatch(/^5\|10\|/);

    const { planner, counter } = await countedPlanner();
    const page = await planner.get(`/staff/m/${id}/insight/rounds/${round}/results?lang=en`);
    expect(page.status).toBe(200);
    const row = everyone(await page.text());
    // Ten answered; the four 5s are too few to show.
    expect(row).toMatch(/^ 10 /);
    expect(row).not.toContain('(4)');
    const read = statements(counter);
    expect(read).toMatch(/from "insight_publications"/);
    expect(read).not.toMatch(/"answers" from "insight_answers"/);
  });

  it('is left for a day when publishing it began and stored nothing (stopped at the CPU limit), so the rounds after it go first', async () => {
    const held = await closedRound();
    const next = await closedRound();
    const { planner } = await countedPlanner();
    const results = (round: string) => planner.get(`/staff/m/${held.id}/insight/rounds/${round}/results?lang=en`);
    // Published once at 5; then, at a threshold of 3, as a run stopped at the limit leaves it: begun, nothing stored.
    expect((await results(held.round)).status).toBe(200);
    const atThree = (await storedSignature(held.round))!.replace(/^5\|/, '3|');
    await env.DB.prepare('UPDATE municipalities SET suppression_threshold = 3 WHERE id = ?').bind(held.id).run();
    await env.DB.prepare('INSERT INTO insight_publication_attempts (round_id, signature, started_at) VALUES (?, ?, ?) ON CONFLICT (round_id) DO UPDATE SET signature = excluded.signature, started_at = excluded.started_at')
      .bind(held.round, atThree, Date.now())
      .run();

    const waiting = await results(held.round);
    expect(waiting.status).toBe(503);
    expect(await waiting.text()).toContain('The figures are being worked out');

    for (let run = 0; run < 40 && !(await storedSignature(next.round)); run++) await worker.scheduled(createScheduledController({ cron: '*/15 * * * *' }), env);
    expect(await storedSignature(next.round)).toMatch(/^5\|10\|/);
    expect(await storedSignature(held.round)).toMatch(/^5\|/);

    // A day later it is tried again.
    await env.DB.prepare('UPDATE insight_publication_attempts SET started_at = started_at - 86400001 WHERE round_id = ?').bind(held.round).run();
    expect((await results(held.round)).status).toBe(200);
    expect(await storedSignature(held.round)).toBe(atThree);
  });

  it('is published anew when the threshold changes, and the new one is kept', async () => {
    const { id, round } = await closedRound();
    const { planner, counter } = await countedPlanner();
    expect((await planner.get(`/staff/m/${id}/insight/rounds/${round}/results?lang=en`)).status).toBe(200);
    expect(await storedSignature(round)).toMatch(/^5\|10\|/);
    await env.DB.prepare('UPDATE municipalities SET suppression_threshold = 3 WHERE id = ?').bind(id).run();
    counter.take();
    const row = everyone(await (await planner.get(`/staff/m/${id}/insight/rounds/${round}/results?lang=en`)).text());
    // At 3, four answers are enough: 40 % chose 5.
    expect(row).toContain('60% (6) 40% (4)');
    expect(statements(counter)).toMatch(/"answers" from "insight_answers"/);
    expect(await storedSignature(round)).toMatch(/^3\|10\|/);
  });

  it('counts from the answers read page by page: each once, in the order stored, however they lie among other rounds', async () => {
    const { id, units } = await insightMunicipality();
    const planner = await staffClient(PLANNER);
    const [round, other] = [await createRound(planner, id, roundFields({ units })), await createRound(planner, id, roundFields({ units }))];
    for (let n = 0; n < 7; n++) {
      await storeAnswers(round, units[n % 2]!, [{ 'school-thrive': String(1 + (n % 5)), order: String(n) }]);
      if (n % 3) await storeAnswers(other, units[0]!, times(n % 3, { 'school-thrive': '3' }));
    }
    const pages = [];
    for await (const page of new Rounds(new Database(env.DB)).answerPages(round, 3)) pages.push(page.map((answer) => (answer.answers as Record<string, string>).order));
    expect(pages).toEqual([['0', '1', '2'], ['3', '4', '5'], ['6']]);
  });
});
