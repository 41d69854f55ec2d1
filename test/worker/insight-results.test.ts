/** A closed round's dashboard: figures equal to counting by hand, filters, the round before, and quotes only once approved. */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { location, textOf } from './client.ts';
import { staffClient } from './staff.ts';
import { closeRound, createRound, day, insightMunicipality, PLANNER, roundFields, storeAnswers as answers, times } from './insight.ts';


/** The cells of one row of a question's table, as text ("Everyone who answered", "22", …). */
function row(html: string, question: string, label: string): string[] | undefined {
  const section = html.slice(html.indexOf(`id="q-${question}"`));
  const table = section.slice(0, section.indexOf('</table>'));
  for (const tr of table.match(/<tr[^>]*>.*?<\/tr>/gs) ?? []) {
    const cells = [...tr.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((match) => match[1]!.replace(/<[^>]+>/g, '').replace(/\u00a0/g, ' ').trim());
    if (cells[0] === label) return cells.slice(1);
  }
  return undefined;
}

describe('results', () => {
  it('are refused while the round is open, and nothing is counted or audited', async () => {
    const { id, units } = await insightMunicipality();
    const planner = await staffClient(PLANNER);
    const round = await createRound(planner, id, roundFields({ units }));
    const before = await env.DB.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE municipality_id = ?').bind(id).first<{ n: number }>();
    const response = await planner.get(`/staff/m/${id}/insight/rounds/${round}/results?lang=en`);
    expect(response.status).toBe(409);
    expect(await textOf(response)).toContain('Results are shown only once the round has closed');
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE municipality_id = ?').bind(id).first<{ n: number }>()).toEqual(before);
  });

  it('show the counts, shares and means counted by hand, per unit, beside the round before', async () => {
    const { id, units } = await insightMunicipality();
    const [a, b] = units as [string, string];
    const planner = await staffClient(PLANNER);
    const previous = await createRound(planner, id, roundFields({ name: 'I fjor', units, opensOn: day(-400), closesOn: day(-380) }));
    await answers(previous, a, [...times(5, { 'school-thrive': '3' }), ...times(5, { 'school-thrive': '4' })]);
    const round = await createRound(planner, id, roundFields({ name: 'I år', units }));
    await answers(round, a, [...times(6, { 'school-thrive': '4', gender: 'girl' }), ...times(6, { 'school-thrive': '5', gender: 'boy' })]);
    await answers(round, b, [...times(5, { 'school-thrive': '4', gender: 'girl' }), ...times(5, { 'school-thrive': '5', gender: 'girl' })]);
    await closeRound(round);

    const page = await planner.get(`/staff/m/${id}/insight/rounds/${round}/results`);
    expect(page.status).toBe(200);
    const html = await page.text();
    // 22 answered: 11 chose 4 and 11 chose 5; the mean is 4.5. Options 1 to 3 are columns 2–4.
    const all = row(html, 'school-thrive', 'Alle som svarte')!
    expect([all[0], all[4], all[5], all[6]]).toEqual(['22', '50 % (11)', '50 % (11)', '4,5']);
    // Last year, at the same filters: 10 answered, half 3 and half 4.
    const last = row(html, 'school-thrive', 'Forrige runde (I fjor)')!;
    expect([last[0], last[3], last[4], last[6]]).toEqual(['10', '50 % (5)', '50 % (5)', '3,5']);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="chart-school-thrive-title"');
    expect(html.replace(/\u00a0/g, ' ')).toContain('Av 22 som svarte, valgte 100 % «Bra» eller «Veldig bra».');

    const onlyA = await (await planner.get(`/staff/m/${id}/insight/rounds/${round}/results?unit=${a}`)).text();
    const inA = row(onlyA, 'school-thrive', 'Alle som svarte')!;
    expect([inA[0], inA[4], inA[5], inA[6]]).toEqual(['12', '50 % (6)', '50 % (6)', '4,5']);

    // Cross-tab by gender within unit B: 10 girls, none of them boys.
    const crossed = await (await planner.get(`/staff/m/${id}/insight/rounds/${round}/results?unit=${b}&crossBy=gender`)).text();
    const girls = row(crossed, 'school-thrive', 'Jente')!;
    expect([girls[0], girls[4], girls[5]]).toEqual(['10', '50 % (5)', '50 % (5)']);

    const audit = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE municipality_id = ? AND action = 'round.results'").bind(id).first<{ n: number }>();
    expect(audit!.n).toBe(3);
  });

  it('say "too few answers to show" where a unit has fewer answers than the threshold', async () => {
    const { id, units } = await insightMunicipality();
    const planner = await staffClient(PLANNER);
    const round = await createRound(planner, id, roundFields({ units: [units[0]!] }));
    await answers(round, units[0]!, times(3, { 'school-thrive': '5' }));
    await closeRound(round);
    const html = await (await planner.get(`/staff/m/${id}/insight/rounds/${round}/results?lang=en`)).text();
    const all = row(html, 'school-thrive', 'Everyone who answered')!;
    expect(all[0]).toBe('Too few answers to show');
    expect(all).not.toContain('3');
    expect(html).toContain('There are too few answers to say anything about this question');
  });
});

describe('the CSV download', () => {
  it('has one line per published cell, with the same figures as the dashboard and hidden cells empty', async () => {
    const { id, units } = await insightMunicipality();
    const [a, b] = units as [string, string];
    const planner = await staffClient(PLANNER);
    const round = await createRound(planner, id, roundFields({ units }));
    expect((await planner.get(`/staff/m/${id}/insight/rounds/${round}/results.csv`)).status).toBe(409);
    await answers(round, a, [...times(6, { 'school-thrive': '4' }), ...times(6, { 'school-thrive': '5' })]);
    await answers(round, b, times(2, { 'school-thrive': '5' }));
    await closeRound(round);
    const response = await planner.get(`/staff/m/${id}/insight/rounds/${round}/results.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await response.text()).trim().split('\r\n').map((text) => text.split(','));
    const header = lines[0]!;
    expect(header).toEqual(['round', 'table', 'question', 'theme', 'unit', 'group', 'grade', 'gender', 'option', 'count', 'share', 'mean', 'suppressed']);
    const at = (table: string, unit: string, option: string) => lines.find((cells) => cells[1] === table && cells[4] === unit && cells[8] === option);
    // By unit: Bakken's 12 answers, half 4 and half 5; Lia's 2 are hidden, count and share alike.
    // Bakken's 12 would give Lia's 2 away beside the 14 of all units, so it is hidden too
    // (secondary), and with it its mean and the shares of its options.
    expect(at('school-thrive:unit', a, '4')?.slice(9)).toEqual(['6', '', '', '']);
    expect(at('school-thrive:unit', a, '(all)')?.slice(9)).toEqual(['', '', '', 'hidden']);
    expect(at('school-thrive:all', '', '(all)')?.[9]).toBe('14');
    expect(at('school-thrive:unit', b, '(all)')?.slice(9)).toEqual(['', '', '', 'hidden']);
    expect(lines.some((cells) => cells[1] === 'school-thrive:unit' && cells[4] === b && cells[9] === '2')).toBe(false);
    const audit = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE municipality_id = ? AND action = 'round.download'").bind(id).first<{ n: number }>();
    expect(audit!.n).toBe(1);
  });
});

describe('quotes', () => {
  it('appear on the dashboard only once approved, as the planner redacted them; a rejected one is erased', async () => {
    const { id, units } = await insightMunicipality();
    const planner = await staffClient(PLANNER);
    const round = await createRound(planner, id, roundFields({ units }));
    const quote = (text: string) => env.DB.prepare('INSERT INTO insight_quotes (id, round_id, "group", question_id, text) VALUES (?, ?, \'children\', \'better-here\', ?) RETURNING id').bind(crypto.randomUUID(), round, text).first<{ id: string }>();
    const kept = (await quote('Ola i 6B er snill mot alle, vi trenger flere som ham.'))!.id;
    const rejected = (await quote('Læreren Kari roper til oss.'))!.id;
    await quote('Mer lys på veien til skolen.');
    await closeRound(round);

    const queue = await (await planner.get(`/staff/m/${id}/insight/rounds/${round}/quotes`)).text();
    expect(queue).toContain('Ola i 6B er snill');
    expect((await planner.post(`/staff/m/${id}/insight/rounds/${round}/quotes/${kept}`, { decision: 'approve', text: 'Noen er snille mot alle, vi trenger flere som dem.' })).status).toBe(303);
    const refused = await planner.post(`/staff/m/${id}/insight/rounds/${round}/quotes/${rejected}`, { decision: 'approve', text: '  ' });
    expect(refused.status).toBe(422);
    expect(await textOf(refused)).toContain('Sitatet kan ikke være tomt');
    expect(location(await planner.post(`/staff/m/${id}/insight/rounds/${round}/quotes/${rejected}`, { decision: 'reject', text: '' }))).toBe(`/staff/m/${id}/insight/rounds/${round}/quotes`);
    // Decided once: a second decision on the same quote finds nothing to decide.
    expect((await planner.post(`/staff/m/${id}/insight/rounds/${round}/quotes/${rejected}`, { decision: 'approve', text: 'Læreren Kari roper til oss.' })).status).toBe(404);

    const dashboard = await textOf(await planner.get(`/staff/m/${id}/insight/rounds/${round}/results`));
    expect(dashboard).toContain('Noen er snille mot alle, vi trenger flere som dem.');
    expect(dashboard).not.toContain('Ola i 6B');
    expect(dashboard).not.toContain('Kari');
    expect(dashboard).not.toContain('Mer lys på veien');
    expect(await env.DB.prepare('SELECT text, status FROM insight_quotes WHERE id = ?').bind(rejected).first()).toEqual({ text: '', status: 'rejected' });
    expect(await env.DB.prepare('SELECT text FROM insight_quotes WHERE id = ?').bind(kept).first()).toEqual({ text: 'Noen er snille mot alle, vi trenger flere som dem.' });
    const audit = (await env.DB.prepare("SELECT action, target_id FROM audit_log WHERE municipality_id = ? AND action LIKE 'quote.%' ORDER BY id").bind(id).all()).results;
    expect(audit).toEqual([
      { action: 'quote.approve', target_id: kept },
      { action: 'quote.reject', target_id: rejected },
    ]);
  });
});
