/**
 * Server cost: medvirk against a bare Worker (bench/bare/) under the same load in the same
 * run, both under `wrangler dev` with a local D1. Throughput ratios are reported against
 * targets and never fail the run; a submit that is lost or stored twice does.
 */
import { Client, hiddenFields } from './http.ts';
import { FOLLOW_HEADER } from '../worker/engine/paths.ts';
import { runCell, type Cell, type CellLimits } from './load.ts';
import type { AppServer } from './server.ts';
import { FORM } from './weight.ts';

export const CONCURRENCY = [1, 4, 16] as const;
const LIMITS: CellLimits = { maxOps: 2_000, maxMs: 6_000 };
/**
 * Each submit needs a draft of its own, answered beforehand over HTTP (six requests each);
 * this bounds the submit cells (fifty were too few to steady their ratio; a hundred still left
 * the c = 16 rounds 0.45 to 0.66 apart, about six submits per connection) and keeps the
 * preparation, for every round, near two minutes.
 */
const DRAFTS_PER_CELL = 250;
/**
 * Each pair of cells is measured this many times, in turn with the others, and the pair with
 * the median ratio is reported: one run's ratio moved by up to a tenth with what else the
 * machine was doing, which decided a target lying that close.
 */
const ROUNDS = 3;

/** The pages a child answers, and where each leads. */
const ANSWERS: { page: string; fields: [string, string][]; next: string }[] = [
  { page: 'safe', fields: [['safe-home', '3']], next: '/p/people' },
  { page: 'people', fields: [['good-friend', 'yes']], next: '/p/good' },
  { page: 'good', fields: [['what-is-good', 'Fotball.']], next: '/p/hard' },
  { page: 'hard', fields: [['who-worries', 'nobody']], next: '/p/next' },
  { page: 'next', fields: [['adults-should-know', 'Mer tid ute, takk.']], next: '/check' },
];
/** What the bare Worker stores per insert: about what a submit stores. */
const INSERT_BODY = JSON.stringify(Object.fromEntries(ANSWERS.flatMap((answer) => answer.fields)));
/** start, each page, submit: each POST answered with the next page, as the page script sends them. */
const JOURNEY_REQUESTS = ANSWERS.length + 2;
/** Without JavaScript: each POST and the GET its 303 leads to. */
const JOURNEY_REQUESTS_WITHOUT_SCRIPT = 2 * JOURNEY_REQUESTS;

/**
 * medvirk's rate as a share of the bare Worker's, at least. The journey's target is the
 * issue's 0.5 × 1/6 for a journey of six requests (start, four pages, submit): each request at
 * half a bare insert. The demo form has five pages, so a journey here is seven requests and
 * the same standard is 0.5 × 1/7.
 */
export const TARGETS = {
  page: { ratio: 0.3, text: 'question page ≥ 0.3 × bare static page' },
  submit: { ratio: 0.5, text: 'POST /submit ≥ 0.5 × bare insert' },
  journey: { ratio: 0.5 / JOURNEY_REQUESTS, text: `whole journey (page script: one request a step) ≥ 0.5 × 1/${JOURNEY_REQUESTS} × bare insert (${JOURNEY_REQUESTS} requests, each at half a bare insert)` },
  journeyWithoutScript: { ratio: null, text: 'whole journey without JavaScript (each POST and the GET its 303 leads to): reported, no target' },
} as const;
type Comparison = keyof typeof TARGETS;

/**
 * Every simulated child has an address of its own, as in a school, so the per-address rate
 * limits do not turn the load into 429s (miniflare keeps a CF-Connecting-IP it is sent).
 */
let children = 0;
interface Child {
  address: string;
  client: Client;
}
const newChild = (baseURL: string, { script = false } = {}): Child => {
  const n = ++children;
  const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  // With the page script, every POST asks for the page it leads to (FOLLOW_HEADER).
  return { address, client: new Client(baseURL, { 'cf-connecting-ip': address, ...(script ? { [FOLLOW_HEADER]: '1' } : {}) }) };
};

const expectAt = (url: string, path: string, status = 200) => (new URL(url).pathname === `${FORM}${path}` ? undefined : `expected ${FORM}${path}, got ${status} at ${new URL(url).pathname}`);

/** Start, answer every page as a browser sends its form (with the page's hidden fields): the draft is ready to submit. */
async function answerAll(client: Client): Promise<string | undefined> {
  let shown = await client.post(`${FORM}/start`);
  let problem = expectAt(shown.url, '/p/safe', shown.status);
  for (const { page, fields, next } of ANSWERS) {
    if (problem) return problem;
    shown = await client.post(`${FORM}/p/${page}`, [...hiddenFields(shown.body), ...fields]);
    problem = expectAt(shown.url, next, shown.status);
  }
  return problem;
}

/** One request without following its redirect; the body is read so the whole response is timed. */
async function send(url: string, init: RequestInit, expect: { status: number; location?: string }): Promise<string | undefined> {
  const response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(15_000) });
  await response.arrayBuffer();
  if (response.status !== expect.status) return `${init.method ?? 'GET'} ${new URL(url).pathname}: HTTP ${response.status}`;
  const location = response.headers.get('location') ?? '';
  if (expect.location && !location.endsWith(expect.location)) return `${new URL(url).pathname}: redirected to ${location}`;
  return undefined;
}

/** What a child's browser sends with a request: its address and its cookies. */
const headersOf = ({ address, client }: Child) => ({ 'cf-connecting-ip': address, cookie: client.cookieEntries().map(([name, value]) => `${name}=${value}`).join('; ') });

async function prepareDrafts(baseURL: string, count: number): Promise<Child[]> {
  const drafts: Child[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const child = newChild(baseURL);
      const problem = await answerAll(child.client);
      if (problem) throw new Error(`could not prepare a draft: ${problem}`);
      drafts.push(child);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return drafts;
}

export interface ComparisonRow {
  comparison: Comparison;
  concurrency: number;
  medvirk: Cell;
  bare: Cell;
  /** medvirk operations per second ÷ bare operations per second: the median round's. */
  ratio: number;
  /** Every round's ratio, in the order measured. */
  ratios: number[];
  /** bare CPU per operation ÷ medvirk CPU per operation: the same measure from the server's side. */
  cpuRatio: number | null;
  /** None for a comparison reported without a target. */
  target: number | null;
  met: boolean | null;
}

export interface StoredCheck {
  /** Submits answered with the receipt redirect (single submits and whole journeys). */
  successfulSubmits: number;
  newResponses: number;
  /** Of all responses stored, including those from before the cells. */
  allResponses: number;
  distinctReferences: number;
  /** Drafts marked submitted whose response is not stored. */
  submittedWithoutResponse: number;
  successfulInserts: number;
  /** Rows the bare Worker stored during the cells (all ids distinct, or `ok` is false). */
  bareRows: number;
  ok: boolean;
}

export interface ServerCost {
  limits: CellLimits & { draftsPerSubmitCell: number; rounds: number };
  journeyRequests: Record<'journey' | 'journeyWithoutScript', number>;
  cells: Cell[];
  comparisons: ComparisonRow[];
  /** Met when met at every concurrency; none without a target. */
  targets: Record<Comparison, { ratio: number | null; text: string; met: boolean | null }>;
  stored: StoredCheck;
}

const count = async (server: AppServer, sql: string) => Number((await server.query(sql))[0]?.n ?? NaN);
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function measureServerCost({ app, bare, questionPath, log }: { app: AppServer; bare: AppServer; questionPath: string; log: (message: string) => void }): Promise<ServerCost> {
  const responsesBefore = await count(app, 'SELECT count(*) AS n FROM responses');
  const origin = new URL(app.baseURL).origin;
  const form = { 'content-type': 'application/x-www-form-urlencoded', origin };

  // One draft for the page reads; the page is the first question, as in the time-to-question run.
  const reader = newChild(app.baseURL);
  const start = await reader.client.post(`${FORM}/start`);
  if (new URL(start.url).pathname !== `${FORM}${questionPath}`) throw new Error(`could not reach ${questionPath}: ${start.status} ${start.url}`);
  const readerHeaders = headersOf(reader);

  log(`server cost: preparing ${DRAFTS_PER_CELL * CONCURRENCY.length * ROUNDS} answered drafts for the submit cells`);
  const drafts = await prepareDrafts(app.baseURL, DRAFTS_PER_CELL * CONCURRENCY.length * ROUNDS);

  // The bare Worker is fresh: let workerd compile and D1 open before anything is timed.
  for (let i = 0; i < 20; i++) {
    await send(`${bare.baseURL}/page`, {}, { status: 200 });
    await send(`${bare.baseURL}/insert`, { method: 'POST', body: INSERT_BODY }, { status: 201 });
  }

  const rowsBefore = await count(bare, 'SELECT count(*) AS n FROM rows');
  let successfulInserts = 0;
  let successfulSubmits = 0;
  const ops = {
    page: {
      medvirk: () => send(`${app.baseURL}${FORM}${questionPath}`, { headers: readerHeaders }, { status: 200 }),
      bare: () => send(`${bare.baseURL}/page`, {}, { status: 200 }),
    },
    insert: async () => {
      const problem = await send(`${bare.baseURL}/insert`, { method: 'POST', body: INSERT_BODY }, { status: 201 });
      if (!problem) successfulInserts++;
      return problem;
    },
    submit: (cellDrafts: Child[]) => async (index: number) => {
      const draft = cellDrafts[index];
      if (!draft) return 'no draft left';
      const problem = await send(`${app.baseURL}${FORM}/submit`, { method: 'POST', headers: { ...form, ...headersOf(draft) }, body: '' }, { status: 303, location: `${FORM}/done` });
      if (!problem) successfulSubmits++;
      return problem;
    },
    journey: (script: boolean) => async () => {
      const { client } = newChild(app.baseURL, { script });
      const problem = await answerAll(client);
      if (problem) return problem;
      const done = await client.post(`${FORM}/submit`);
      const notDone = expectAt(done.url, '/done', done.status);
      if (!notDone) successfulSubmits++;
      return notDone;
    },
  };

  const cells: Cell[] = [];
  const comparisons: ComparisonRow[] = [];
  const cell = async (label: string, concurrency: number, serverPid: number, op: (index: number) => Promise<string | undefined>, limits = LIMITS, requestsPerOp = 1) => {
    const result = await runCell({ label, concurrency, requestsPerOp, serverPid, limits, op });
    log(`  ${label.padEnd(26)} c=${String(concurrency).padEnd(2)} ${String(result.ops).padStart(5)} ops ${result.opsPerSecond.toFixed(1).padStart(7)}/s p50 ${result.p50Ms} ms p99 ${result.p99Ms} ms CPU ${result.cpuMsPerOp} ms/op (wrangler ${result.wranglerCpuMsPerOp})${result.failed ? `, ${result.failed} failed: ${result.errors[0]}` : ''}`);
    cells.push(result);
    return result;
  };
  const compare = (comparison: Comparison, medvirk: Cell, bareCell: Cell): Omit<ComparisonRow, 'ratios'> => {
    const ratio = bareCell.opsPerSecond ? medvirk.opsPerSecond / bareCell.opsPerSecond : 0;
    const target = TARGETS[comparison].ratio;
    return {
      comparison,
      concurrency: medvirk.concurrency,
      medvirk,
      bare: bareCell,
      ratio: round(ratio, 3),
      cpuRatio: medvirk.cpuMsPerOp > 0 && bareCell.cpuMsPerOp > 0 ? round(bareCell.cpuMsPerOp / medvirk.cpuMsPerOp, 3) : null,
      target: target === null ? null : round(target, 3),
      met: target === null ? null : ratio >= target,
    };
  };
  /** The round with the median ratio, carrying every round's. */
  const median = (rounds: Omit<ComparisonRow, 'ratios'>[]): ComparisonRow => ({ ...[...rounds].sort((a, b) => a.ratio - b.ratio)[rounds.length >> 1]!, ratios: rounds.map((row) => row.ratio) });

  log(`server cost: ${ROUNDS} rounds of cells of at most ${LIMITS.maxOps} operations or ${LIMITS.maxMs / 1000} s`);
  for (const [index, concurrency] of CONCURRENCY.entries()) {
    const rounds: Record<Comparison, Omit<ComparisonRow, 'ratios'>[]> = { page: [], submit: [], journey: [], journeyWithoutScript: [] };
    for (let at = 0; at < ROUNDS; at++) {
      const page = await cell('medvirk question page', concurrency, app.pid, ops.page.medvirk);
      const staticPage = await cell('bare static page', concurrency, bare.pid, ops.page.bare);
      rounds.page.push(compare('page', page, staticPage));
      const first = (index * ROUNDS + at) * DRAFTS_PER_CELL;
      const cellDrafts = drafts.slice(first, first + DRAFTS_PER_CELL);
      const submit = await cell('medvirk POST /submit', concurrency, app.pid, ops.submit(cellDrafts), { ...LIMITS, maxOps: cellDrafts.length });
      const insert = await cell('bare POST /insert', concurrency, bare.pid, ops.insert);
      rounds.submit.push(compare('submit', submit, insert));
      const journey = await cell('medvirk whole journey', concurrency, app.pid, ops.journey(true), LIMITS, JOURNEY_REQUESTS);
      rounds.journey.push(compare('journey', journey, insert));
      const withoutScript = await cell('medvirk journey, no JS', concurrency, app.pid, ops.journey(false), LIMITS, JOURNEY_REQUESTS_WITHOUT_SCRIPT);
      rounds.journeyWithoutScript.push(compare('journeyWithoutScript', withoutScript, insert));
    }
    for (const comparison of Object.keys(rounds) as Comparison[]) comparisons.push(median(rounds[comparison]));
  }

  log('server cost: counting what was stored');
  const [responses] = await app.query('SELECT count(*) AS n, count(DISTINCT reference) AS refs FROM responses');
  const submittedWithoutResponse = await count(app, "SELECT count(*) AS n FROM drafts WHERE status = 'submitted' AND submission_id NOT IN (SELECT id FROM responses)");
  const [rows] = await bare.query('SELECT count(*) AS n, count(DISTINCT id) AS ids FROM rows');
  const newResponses = Number(responses?.n) - responsesBefore;
  const distinctReferences = Number(responses?.refs);
  const bareRows = Number(rows?.n) - rowsBefore;
  const stored: StoredCheck = {
    successfulSubmits,
    newResponses,
    allResponses: Number(responses?.n),
    distinctReferences,
    submittedWithoutResponse,
    successfulInserts,
    bareRows,
    ok:
      newResponses === successfulSubmits &&
      distinctReferences === Number(responses?.n) &&
      submittedWithoutResponse === 0 &&
      bareRows === successfulInserts &&
      Number(rows?.ids) === Number(rows?.n),
  };

  const targets = Object.fromEntries(
    (Object.keys(TARGETS) as Comparison[]).map((comparison) => [
      comparison,
      { ...TARGETS[comparison], met: TARGETS[comparison].ratio === null ? null : comparisons.filter((row) => row.comparison === comparison).every((row) => row.met) },
    ]),
  ) as ServerCost['targets'];
  const journeyRequests = { journey: JOURNEY_REQUESTS, journeyWithoutScript: JOURNEY_REQUESTS_WITHOUT_SCRIPT };
  return { limits: { ...LIMITS, draftsPerSubmitCell: DRAFTS_PER_CELL, rounds: ROUNDS }, journeyRequests, cells, comparisons, targets, stored };
}

const LABELS: Record<Comparison, string> = {
  page: 'Question page GET vs bare static page',
  submit: 'POST /submit vs bare insert',
  journey: `Whole journey with the page script (${JOURNEY_REQUESTS} requests) vs bare insert`,
  journeyWithoutScript: `Whole journey without JavaScript (${JOURNEY_REQUESTS_WITHOUT_SCRIPT} requests) vs bare insert`,
};

export function serverCostMarkdown(cost: ServerCost): string {
  const lines = [
    `Both Workers under \`wrangler dev\` with a local D1, loaded from Node on loopback; each cell at most ${cost.limits.maxOps} operations or ${cost.limits.maxMs / 1000} s (submit cells: ${cost.limits.draftsPerSubmitCell} prepared drafts). Every pair of cells was measured ${cost.limits.rounds} times, in turn with the others; the row is the round with the median ratio, and "Rounds" lists every round's. Ratio = medvirk operations/s ÷ bare operations/s at the same concurrency; CPU ratio = bare workerd CPU per operation ÷ medvirk's (wrangler's own Node process, not counted, is in server-cost.json as \`wranglerCpuMsPerOp\`). Targets are reported, not asserted.`,
    '',
    '| Comparison | Concurrency | medvirk ops/s | bare ops/s | Ratio | Rounds | Target | Met | medvirk p50 / p99 ms | bare p50 / p99 ms | medvirk CPU ms/op | bare CPU ms/op | CPU ratio |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
    ...cost.comparisons.map(
      (row) =>
        `| ${[
        LABELS[row.comparison],
        row.concurrency,
        row.medvirk.opsPerSecond,
        row.bare.opsPerSecond,
        row.ratio,
        row.ratios.join(' / '),
        row.target === null ? '–' : `≥ ${row.target}`,
        row.met === null ? '–' : row.met ? 'met' : 'not met',
        `${row.medvirk.p50Ms} / ${row.medvirk.p99Ms}`,
        `${row.bare.p50Ms} / ${row.bare.p99Ms}`,
        row.medvirk.cpuMsPerOp,
        row.bare.cpuMsPerOp,
        row.cpuRatio ?? '–',
      ].join(' | ')} |`,
    ),
    '',
    ...(Object.keys(cost.targets) as Comparison[]).filter((comparison) => cost.targets[comparison].met !== null).map((comparison) => {
      const rows = cost.comparisons.filter((row) => row.comparison === comparison);
      const metAt = rows.filter((row) => row.met).map((row) => `c=${row.concurrency}`);
      return `- ${TARGETS[comparison].text}: **${cost.targets[comparison].met ? 'met' : 'not met'}** (met at ${metAt.length} of ${rows.length} concurrencies${metAt.length ? `: ${metAt.join(', ')}` : ''})`;
    }),
    // Per request, a journey compares with the submit target.
    ...(['journey', 'journeyWithoutScript'] as const).map(
      (comparison) =>
        `- per request of the ${comparison === 'journey' ? 'journey with the page script' : 'journey without JavaScript'} (ratio × ${cost.journeyRequests[comparison]}): ${cost.comparisons
          .filter((row) => row.comparison === comparison)
          .map((row) => `c=${row.concurrency} ${Math.round(row.ratio * cost.journeyRequests[comparison] * 100) / 100}`)
          .join(', ')} × a bare insert`,
    ),
    '',
  ];
  const failed = cost.cells.filter((cell) => cell.failed);
  if (failed.length) lines.push(...failed.map((cell) => `- ${cell.label} c=${cell.concurrency}: ${cell.failed} failed (${cell.errors[0]})`), '');
  const { stored } = cost;
  lines.push(
    `Stored: ${stored.successfulSubmits} successful submits, ${stored.newResponses} new responses, ${stored.distinctReferences} distinct references among all ${stored.allResponses} responses, ${stored.submittedWithoutResponse} submitted drafts without a response; bare: ${stored.successfulInserts} inserts, ${stored.bareRows} rows. **${stored.ok ? 'Every submit stored exactly once.' : 'LOST OR DOUBLED WRITES.'}**`,
  );
  return lines.join('\n');
}
