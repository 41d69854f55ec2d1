/**
 * A closed round's downloads and the plan's section 8.4: the XLSX holds the CSV's rows exactly,
 * the JSON the same cells, the document every theme of 8.4 in the municipality's written
 * standard; none of them a hidden figure or a quote not approved. The API gives the same JSON to
 * a token of the municipality only, and the nightly purge erases old rounds' answers, quotes and
 * stored publications.
 */
import { createScheduledController, env, SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { CFB, read, utils } from '@e965/xlsx';
import worker from '../../worker/index.ts';
import { Hono } from 'hono';
import { ApiTokens } from '../../worker/features/api/tokens.ts';
import { apiAbility } from '../../worker/features/api/auth.ts';
import type { ApiEnv } from '../../worker/features/api/env.ts';
import { Refusal } from '../../worker/core/refusals.ts';
import type { Client } from './client.ts';
import { staffClient } from './staff.ts';
import { closeRound, createRound, day, insightMunicipality, PLANNER, roundFields, storeAnswers as answers, times } from './insight.ts';

const quote = (round: string, text: string, status: 'pending' | 'approved' | 'rejected') =>
  env.DB.prepare("INSERT INTO insight_quotes (id, round_id, \"group\", question_id, text, status) VALUES (?, ?, 'children', 'better-here', ?, ?)").bind(crypto.randomUUID(), round, text, status).run();

const APPROVED = 'Det er fint å ha ein ballbinge ved skulen';
const PENDING = 'Ola i 6B vert plaga kvar dag';

/** A nynorsk municipality's closed round: unit A with 12 answers, unit B with 2 (hidden), and last year's round before it. */
async function fixture(writtenStandard: 'nb' | 'nn' = 'nn') {
  const { id, units } = await insightMunicipality({ writtenStandard });
  const [a, b] = units as [string, string];
  const planner = await staffClient(PLANNER);
  const previous = await createRound(planner, id, roundFields({ name: 'I fjor', units, opensOn: day(-400), closesOn: day(-380) }));
  await answers(previous, a, [...times(5, { 'school-thrive': '3', 'friend-one': 'yes' }), ...times(5, { 'school-thrive': '4', 'friend-one': 'yes' }), ...times(5, { 'school-thrive': '5', 'friend-one': 'yes' })]);
  const round = await createRound(planner, id, roundFields({ name: 'I år', units }));
  await answers(round, a, ['girl', 'boy'].flatMap((gender) => [...times(3, { 'school-thrive': '4', 'friend-one': 'yes', gender }), ...times(3, { 'school-thrive': '5', 'friend-one': 'no', gender })]));
  await answers(round, b, times(2, { 'school-thrive': '5', 'friend-one': 'yes' }));
  await quote(round, APPROVED, 'approved');
  await quote(round, PENDING, 'pending');
  await closeRound(round);
  return { id, a, b, round, planner, base: `/staff/m/${id}/insight/rounds/${round}` };
}

const csvRows = async (planner: Client, base: string) => (await (await planner.get(`${base}/results.csv`)).text()).trim().split('\r\n').map((line) => line.split(','));

/** The parts of the JSON download the tests read. */
type Json = { tables: { id: string; cells: { key: Record<string, string>; count: number | null; share?: number | null; mean?: number | null; suppressed?: boolean }[] }[]; quotes: { text: string }[]; threshold: number; respondents: { all: number | null } };

describe('downloads of a closed round', () => {
  let f: Awaited<ReturnType<typeof fixture>>;
  beforeAll(async () => {
    f = await fixture();
  });

  it('are refused while the round is open', async () => {
    const { id, units } = await insightMunicipality();
    const planner = await staffClient(PLANNER);
    const open = await createRound(planner, id, roundFields({ units }));
    for (const path of ['results.xlsx', 'results.json', 'document', 'document.docx']) expect((await planner.get(`/staff/m/${id}/insight/rounds/${open}/${path}`)).status, path).toBe(409);
  });

  it('XLSX: its figures sheet reads back as exactly the CSV rows, with the method and approved quotes only, in the written standard', async () => {
    const response = await f.planner.get(`${f.base}/results.xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = read(new Uint8Array(await response.arrayBuffer()), { type: 'array' });
    expect(book.SheetNames).toEqual(['Tal', 'Metode', 'Sitat']);
    const sheet = (name: string) => utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1, defval: '', raw: true }).map((row) => row.map(String));
    const csv = await csvRows(f.planner, f.base);
    // A header and many figures (the fixture's round publishes a few dozen cells).
    expect(csv.length).toBeGreaterThan(40);
    expect(sheet('Tal')).toEqual(csv);
    // Lia's two answers are hidden in both.
    expect(csv.find((cells) => cells[1] === 'school-thrive:unit' && cells[4] === f.b && cells[8] === '(all)')?.slice(9)).toEqual(['', '', '', 'hidden']);
    const method = sheet('Metode').flat().join(' | ');
    expect(method).toContain('Vi viser aldri eit tal som byggjer på færre enn 5 svar');
    expect(method).toContain('Lia skole | Barn (5.–7. trinn) | For få svar til å visa');
    expect(method).not.toMatch(/Lia skole \| Barn \(5\.–7\. trinn\) \| 2\b/);
    const quotes = sheet('Sitat').flat().join(' | ');
    expect(quotes).toContain(APPROVED);
    expect(quotes).not.toContain(PENDING);
  });

  it('JSON: the same cells as the CSV, hidden ones with count null, and approved quotes only', async () => {
    const response = await f.planner.get(`${f.base}/results.json`);
    expect(response.status).toBe(200);
    const json = (await response.json()) as Json;
    const csv = await csvRows(f.planner, f.base);
    const cells = json.tables.flatMap((table) => table.cells.map((cell) => ({ table: table.id, ...cell })));
    expect(cells.length).toBe(csv.length - 1);
    const counts = (rows: (string | number | null | undefined)[][]) => rows.map((row) => row.map((value) => (value === null || value === undefined ? '' : String(value))).join('|')).sort();
    expect(counts(cells.map((cell) => [cell.table, cell.count, cell.share, cell.mean, cell.suppressed ? 'hidden' : '']))).toEqual(counts(csv.slice(1).map((row) => [row[1], row[9], row[10], row[11], row[12]])));
    const hidden = cells.filter((cell) => cell.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
    for (const cell of hidden) expect([cell.count, cell.share ?? null, cell.mean ?? null]).toEqual([null, null, null]);
    expect(json.threshold).toBe(5);
    expect(json.quotes.map((item) => item.text)).toEqual([APPROVED]);
  });

  it('the document page: every theme of 8.4 in nynorsk, each chart with its table, the method, a marked draft of 8.3, nothing hidden shown', async () => {
    const response = await f.planner.get(`${f.base}/document?lang=en`);
    expect(response.status).toBe(200);
    const html = (await response.text()).replace(/\u00a0/g, ' ');
    const article = html.slice(html.indexOf('<article'), html.indexOf('</article>'));
    expect(article).toMatch(/^<article class="plan-document" lang="nn"/);
    // The frame is in the planner's language, the document in the municipality's.
    expect(html).toContain('Print the page to get the document');
    expect(article).toContain('<h1>8.4 Kva seier dei tilsette og brukarane</h1>');
    for (const theme of ['Tverrfagleg samhandling', 'Kvalitet på tenestene', 'Rammer for å gjera ein god jobb', 'Fagleg utvikling', 'Kvalitet i skular og barnehagar', 'Oppvekstmiljøet', 'Venskap', 'Hjelp når ein treng det']) expect(article).toContain(`>${theme}</h3>`);
    // Staff were not asked in this round, and the document says so rather than leaving them out.
    expect(article.split('Dette temaet var ikkje med i denne runden.').length - 1).toBe(4);
    expect((article.match(/role="img"/g) ?? []).length).toBeGreaterThan(0);
    // Every chart is followed by its data table (one more table: the response rates).
    expect((article.match(/<table/g) ?? []).length).toBe((article.match(/role="img"/g) ?? []).length + 1);
    expect(article).toContain('Vi viser aldri eit tal som byggjer på færre enn 5 svar');
    expect(article).toMatch(/<td>Lia skole<\/td><td>Barn \(5\.–7\. trinn\)<\/td><td>For få svar til å visa<\/td>/);
    expect(article).toContain(APPROVED);
    expect(article).not.toContain(PENDING);
    expect(article).toContain('Utkast til 8.3 Dette er me gode på, dette kan me bli betre på');
    expect(article).toContain('Dette er eit utkast laga ut frå tala over.');
    // All 14 chose 4 or 5 at school this year, 10 of 15 last year; 8 of 14 have a good friend, against all 15.
    expect(article).toContain('Kvalitet i skular og barnehagar: 33 prosentpoeng fleire svarte positivt enn i «I fjor».');
    expect(article).toContain('Venskap: 43 prosentpoeng færre svarte positivt enn i «I fjor».');
    expect(article).toMatch(/Dette er me gode på<\/h3><ul><li>Kvalitet i skular og barnehagar: i snitt svarte 100 % positivt/);
    expect(article).not.toContain('Hva sier de ansatte');
    const audit = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE municipality_id = ? AND action = 'round.document'").bind(f.id).first<{ n: number }>();
    expect(audit!.n).toBe(1);
  });

  it('the DOCX: the same themes, draft and quotes in nynorsk, marked as nynorsk, without the hidden count or the pending quote', async () => {
    const response = await f.planner.get(`${f.base}/document.docx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const zip = CFB.read(new Uint8Array(await response.arrayBuffer()), { type: 'array' });
    const xml = new TextDecoder().decode(CFB.find(zip, '/word/document.xml').content as Uint8Array);
    const styles = new TextDecoder().decode(CFB.find(zip, '/word/styles.xml').content as Uint8Array);
    const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(' ');
    expect(styles).toContain('w:val="nn-NO"');
    expect(words).toContain('8.4 Kva seier dei tilsette og brukarane');
    for (const theme of ['Tverrfagleg samhandling', 'Kvalitet på tenestene', 'Rammer for å gjera ein god jobb', 'Fagleg utvikling', 'Kvalitet i skular og barnehagar', 'Oppvekstmiljøet', 'Venskap', 'Hjelp når ein treng det']) expect(words).toContain(theme);
    expect(words).toContain('Utkast til 8.3');
    expect(words).toContain('For få svar til å visa');
    expect(words).toContain(APPROVED);
    expect(words).not.toContain(PENDING);
    // Each chart's numbers are there as on the page.
    const page = (await (await f.planner.get(`${f.base}/document`)).text()).replace(/\u00a0/g, ' ');
    const table = page.slice(page.indexOf('id="q-school-thrive"'), page.indexOf('</table>', page.indexOf('id="q-school-thrive"')));
    const figures = [...table.matchAll(/<td>(\d+ % \(\d+\))<\/td>/g)].map((match) => match[1]!);
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) expect(words.replace(/\u00a0/g, ' ')).toContain(figure);
  });
});

it('a bokmål municipality gets its document in bokmål', async () => {
  const f = await fixture('nb');
  const html = await (await f.planner.get(`${f.base}/document`)).text();
  expect(html).toContain('<article class="plan-document" lang="nb"');
  expect(html).toContain('8.4 Hva sier de ansatte og brukerne');
  expect(html).toContain('Utkast til 8.3 Dette er vi gode på, dette kan vi bli bedre på');
  expect(html).not.toContain('Kva seier');
});

it('staff without the planner role get none of the downloads', async () => {
  const f = await fixture();
  const staff = await staffClient('ansatt@demo.medvirk.no');
  for (const path of ['results.csv', 'results.xlsx', 'results.json', 'document', 'document.docx']) expect((await staff.get(`${f.base}/${path}`)).status, path).toBe(403);
});

describe('the insight API', () => {
  const call = (path: string, token?: string) => SELF.fetch(new Request(`https://medvirk.test/api/v1${path}`, { headers: { 'cf-connecting-ip': '198.51.100.77', ...(token ? { authorization: `Bearer ${token}` } : {}) } }));
  const issue = async (municipality: string) => {
    const made = await new ApiTokens(env.DB).issue(municipality, 'Planleggingssystem', 'demo-admin', new Date());
    await made.statement;
    return made.secret;
  };

  it("gives a closed round's results as the JSON download does, to the municipality's token only", async () => {
    const f = await fixture();
    const token = await issue(f.id);
    const rounds = (await (await call(`/municipalities/${f.id}/insight/rounds`, token)).json()) as { rounds: { id: string; status: string; name: string }[] };
    expect(rounds.rounds.map((round) => [round.name, round.status])).toEqual([
      ['I år', 'closed'],
      ['I fjor', 'closed'],
    ]);
    const results = await call(`/municipalities/${f.id}/insight/rounds/${f.round}/results`, token);
    expect(results.status).toBe(200);
    const json = (await results.json()) as Json;
    expect(json).toEqual(await (await f.planner.get(`${f.base}/results.json`)).json());
    expect(JSON.stringify(json)).not.toContain(PENDING);
    expect((await call(`/municipalities/${f.id}/insight/rounds/${f.round}/results`)).status).toBe(401);
    expect((await call(`/municipalities/${f.id}/insight/rounds/${f.round}/results`, await issue('andre'))).status).toBe(403);
    // Another municipality's round is not confirmed to exist.
    expect((await call(`/municipalities/demo/insight/rounds/${f.round}/results`, await issue('demo'))).status).toBe(404);
    const audit = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE municipality_id = ? AND action = 'round.results' AND via = 'api'").bind(f.id).first<{ n: number }>();
    expect(audit!.n).toBe(1);
  });

  it("lets an actor through only with the planners' ability in the municipality", async () => {
    // Tokens act as admins today, so the check is tried with actors of each role directly.
    const asRole = (role: 'staff' | 'planner' | 'admin', municipality = 'demo') => {
      const app = new Hono<ApiEnv>();
      app.onError((error, c) => c.json({ error: error instanceof Refusal ? error.code : 'other' }, error instanceof Refusal ? error.status : 500));
      app.use('*', async (c, next) => {
        c.set('actor', { id: 'x', memberships: [{ municipalityId: municipality, role, unitId: null }] });
        c.set('municipality', { id: 'demo' } as ApiEnv['Variables']['municipality']);
        await next();
      });
      app.get('/', apiAbility('insight'), (c) => c.json({ ok: true }));
      return app.request('/');
    };
    expect((await asRole('staff')).status).toBe(403);
    expect((await asRole('planner')).status).toBe(200);
    expect((await asRole('admin')).status).toBe(200);
    expect((await asRole('planner', 'andre')).status).toBe(403);
  });

  it('refuses the results of an open round with a JSON problem', async () => {
    const { id, units } = await insightMunicipality();
    const open = await createRound(await staffClient(PLANNER), id, roundFields({ units }));
    const response = await call(`/municipalities/${id}/insight/rounds/${open}/results`, await issue(id));
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(((await response.json()) as { error: string }).error).toBe('roundOpen');
  });
});

describe('retention', () => {
  it("the nightly purge erases the answers, quotes and stored publications of rounds that ended before the municipality's retention, and only those", async () => {
    const { id, units } = await insightMunicipality({ responseRetentionMonths: 12 });
    const planner = await staffClient(PLANNER);
    const old = await createRound(planner, id, roundFields({ name: 'Gammal', units, opensOn: '2020-03-01', closesOn: '2020-03-31' }));
    const recent = await createRound(planner, id, roundFields({ name: 'Ny', units, opensOn: day(-40), closesOn: day(-10) }));
    for (const round of [old, recent]) {
      await answers(round, units[0]!, times(3, { 'school-thrive': '4' }), '2020-W12');
      await quote(round, APPROVED, 'approved');
      await quote(round, PENDING, 'pending');
      // Viewed once, so its publication is stored too.
      expect((await planner.get(`/staff/m/${id}/insight/rounds/${round}/results`)).status).toBe(200);
    }
    await worker.scheduled(createScheduledController(), env);
    const left = async (table: string, round: string) => (await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE round_id = ?`).bind(round).first<{ n: number }>())!.n;
    const kept = async (round: string) => Promise.all(['insight_answers', 'insight_quotes', 'insight_publications'].map((table) => left(table, round)));
    expect(await kept(old)).toEqual([0, 0, 0]);
    expect(await kept(recent)).toEqual([3, 2, 1]);
    // The round itself stays, so the plan can still name it.
    expect(await env.DB.prepare('SELECT name FROM insight_rounds WHERE id = ?').bind(old).first('name')).toBe('Gammal');
  });
});
