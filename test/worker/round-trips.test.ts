/**
 * D1 round trips per request along the child's journey. Each trip is latency a child waits
 * for on a slow connection and work the database bills, so every route has a budget.
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../worker/platform/app.tsx';
import { FOLLOW_HEADER } from '../../worker/engine/paths.ts';
import { location } from './client.ts';
import { countedClient, D1Counter, describeTrips, type Trip } from './d1-counter.ts';

/**
 * Round trips allowed per route: one read for a page; one read and one write batch for a POST;
 * and for a page's save, which carries the page's sealed snapshot of the draft, the write alone.
 */
export const BUDGET = {
  'GET /': 1,
  'POST /start': 2,
  'GET /p/:page': 1,
  'POST /p/:page': 1,
  'GET /check': 1,
  'POST /submit': 2,
  'GET /done': 1,
} as const;

type Route = keyof typeof BUDGET;

/** A page save sent without a snapshot (from a page shown before there were any, or one too large to carry it) reads first. */
const PAGE_SAVE_WITHOUT_SNAPSHOT = 2;

/** The page's snapshot field, as a browser sends it with the page's form; a question page always has one. */
function snapshotOf(html: string, request: string): [string, string][] {
  const value = html.match(/name="_draft" value="([^"]+)"/)?.[1];
  if (!value) throw new Error(`${request}: the page before it carries no snapshot of the draft`);
  return [['_draft', value]];
}

const FORM = '/m/demo/fixture-child';

interface Step {
  route: Route;
  path: string;
  fields?: [string, string][];
  /** What a working journey answers: a page (200) or a redirect to the next one. */
  expect: { status: 200 } | { status: 303; location: string };
}

const page = (id: string): Step => ({ route: 'GET /p/:page', path: `/p/${id}`, expect: { status: 200 } });
const answer = (id: string, fields: [string, string][], next: string): Step => ({ route: 'POST /p/:page', path: `/p/${id}`, fields, expect: { status: 303, location: next } });

/** The whole demo journey, each page answered as a child might (a sad answer opens "school-hard"). */
const JOURNEY: Step[] = [
  { route: 'GET /', path: '', expect: { status: 200 } },
  { route: 'POST /start', path: '/start', expect: { status: 303, location: '/p/school' } },
  page('school'),
  answer('school', [['school-feeling', '2']], '/p/school-hard'),
  page('school-hard'),
  answer('school-hard', [['school-hard-text', 'Friminuttene er lange.']], '/p/friends'),
  page('friends'),
  answer('friends', [['has-friend', 'no'], ['wants-help-friend', 'yes']], '/p/adults'),
  page('adults'),
  answer('adults', [['listened-to', '3'], ['trusted-adults', 'teacher']], '/p/wish'),
  page('wish'),
  answer('wish', [['adults-should-know', 'Mer tid ute.']], '/check'),
  { route: 'GET /check', path: '/check', expect: { status: 200 } },
  { route: 'POST /submit', path: '/submit', expect: { status: 303, location: '/done' } },
  { route: 'GET /done', path: '/done', expect: { status: 200 } },
];

export interface StepTrips {
  route: Route;
  /** Method and path, as the browser sent it. */
  request: string;
  trips: Trip[];
}

/**
 * The journey as the page script walks it: each POST asks for the page it leads to and gets it
 * in the same response, so the GETs its redirects would lead to are not made.
 */
const FOLLOWED: Step[] = JOURNEY.filter((step, index) => !(step.route.startsWith('GET') && JOURNEY[index - 1]?.expect.status === 303));

/**
 * Walks the journey through the real app with every D1 binding counted, and returns the
 * round trips of each request (work left to `waitUntil` included). `follow`: as the page
 * script sends it, each POST answered with the next page.
 */
export async function tripsPerStep({ follow = false, snapshots = true } = {}): Promise<StepTrips[]> {
  // As deployed: directory entries cached, so the counts are those of a warm isolate.
  const { client, counter } = countedClient(createApp({ directoryCacheMs: 30_000 }));
  const steps: StepTrips[] = [];
  let shown = '';
  for (const step of follow ? FOLLOWED : JOURNEY) {
    const path = `${FORM}${step.path}`;
    const method = step.fields || step.route.startsWith('POST') ? 'POST' : 'GET';
    const request = `${method} ${path}`;
    const fields = step.route === 'POST /p/:page' && snapshots ? [...(step.fields ?? []), ...snapshotOf(shown, request)] : (step.fields ?? []);
    const response = method === 'POST' ? await client.post(path, fields, follow ? { [FOLLOW_HEADER]: '1' } : {}) : await client.get(path);
    shown = await response.text();
    // A journey that went wrong would count the wrong work.
    if (step.expect.status === 303 && follow) {
      expect(response.status, request).toBe(200);
      expect(response.headers.get('content-location'), request).toBe(`${FORM}${step.expect.location}`);
    } else {
      expect(response.status, request).toBe(step.expect.status);
      if (step.expect.status === 303) expect(location(response), request).toBe(`${FORM}${step.expect.location}`);
    }
    steps.push({ route: step.route, request, trips: counter.take() });
  }
  return steps;
}

describe.each([
  { walk: 'without JavaScript', follow: false, snapshots: true, journey: JOURNEY },
  { walk: 'with the page script (each POST answered with the next page)', follow: true, snapshots: true, journey: FOLLOWED },
  { walk: 'from pages without a snapshot of the draft', follow: false, snapshots: false, journey: JOURNEY },
])('D1 round trips along the journey, $walk', ({ follow, snapshots, journey }) => {
  let steps: StepTrips[] = [];
  beforeAll(async () => {
    steps = await tripsPerStep({ follow, snapshots });
  });
  const budgetOf = (route: Route) => (route === 'POST /p/:page' && !snapshots ? PAGE_SAVE_WITHOUT_SNAPSHOT : BUDGET[route]);

  it.each(journey.map((step, index) => ({ index, label: `${step.route.split(' ')[0]} ${step.path || '/'}`, budget: budgetOf(step.route) })))(
    '$label makes at most $budget',
    ({ index, budget }) => {
      const step = steps[index];
      if (!step) throw new Error('the journey did not get this far');
      expect(step.trips.length, `${step.request}: ${step.trips.length} round trips, budget ${budget}:\n${describeTrips(step.trips)}\n`).toBeLessThanOrEqual(budget);
    },
  );
});

describe('the round-trip counter', () => {
  it('counts each call to the database once, a batch as one, and passes results through', async () => {
    const counter = new D1Counter();
    const db = counter.wrap(env.DB);
    await db.exec('CREATE TABLE IF NOT EXISTS counter_check (n INTEGER)');
    await db.batch([db.prepare('INSERT INTO counter_check (n) VALUES (?)').bind(1), db.prepare('INSERT INTO counter_check (n) VALUES (?)').bind(2)]);
    const total = await db.prepare('SELECT sum(n) AS total FROM counter_check').first<number>('total');
    const rows = await db.prepare('SELECT n FROM counter_check ORDER BY n').raw();
    expect(total).toBe(3);
    expect(rows).toEqual([[1], [2]]);
    expect(counter.take()).toEqual([
      { call: 'exec', sql: ['CREATE TABLE IF NOT EXISTS counter_check (n INTEGER)'] },
      { call: 'batch', sql: ['INSERT INTO counter_check (n) VALUES (?)', 'INSERT INTO counter_check (n) VALUES (?)'] },
      { call: 'first', sql: ['SELECT sum(n) AS total FROM counter_check'] },
      { call: 'raw', sql: ['SELECT n FROM counter_check ORDER BY n'] },
    ]);
    expect(counter.take()).toEqual([]);
  });
});
