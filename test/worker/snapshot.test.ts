/**
 * A question page carries the draft as it showed it, sealed, so its save is one round trip.
 * The save may trust that snapshot only as far as its guarded write proves it: these tests
 * send stale, tampered, foreign and late snapshots and check that no answer is lost, mixed up
 * or written past a limit, and that each falls back to reading the draft.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../worker/platform/app.tsx';
import { sha256Hex } from '../../worker/core/secrets.ts';
import { formFields, location } from './client.ts';
import { countedClient, describeTrips } from './d1-counter.ts';
import { JOURNEY_LIMITS } from '../../worker/features/respond/load-journey.ts';
import { windowOf } from '../../worker/platform/storage/rate-limits.ts';
import { keyringFrom } from '../../worker/core/sealed.ts';
import { DEVELOPMENT_DATA_KEYS, DEVELOPMENT_LOOKUP_KEY } from '../../worker/platform/development-keys.ts';
import { openSnapshot, sealSnapshot, SNAPSHOT_MAX_CHARS } from '../../worker/features/respond/snapshot.ts';
import type { Draft } from '../../worker/features/respond/repository.ts';

const FORM = '/m/demo/fixture-child';
const SNAPSHOT = /name="_draft" value="([^"]+)"/;

/** A device on a counted app whose clock the test can move. */
function device(address = `203.0.113.${Math.floor(Math.random() * 200) + 20}`) {
  const clock = { now: Date.now() };
  const { client, counter } = countedClient(createApp({ directoryCacheMs: 30_000, now: () => new Date(clock.now) }), address);
  return { client, counter, clock, address };
}

type Device = ReturnType<typeof device>;

/** Starts a draft and returns the first page's HTML. */
async function start({ client }: Device) {
  const started = await client.post(`${FORM}/start`);
  expect(location(started)).toBe(`${FORM}/p/school`);
  return (await client.get(`${FORM}/p/school`)).text();
}

/** Posts a page's form as the browser would, with `changes` made; the D1 round trips it took. */
async function save({ client, counter }: Device, page: string, html: string, changes: Record<string, string | null>, headers: Record<string, string> = {}) {
  counter.take();
  const response = await client.post(`${FORM}/p/${page}`, formFields(html, changes), headers);
  return { response, trips: counter.take() };
}

/** What the page shows as chosen for a radio question, read from its GET. */
async function chosen({ client }: Device, page: string, name: string) {
  const html = await (await client.get(`${FORM}/p/${page}`)).text();
  return html.match(new RegExp(`name="${name}" value="([^"]+)" checked`))?.[1];
}

const tamper = (html: string) => html.replace(SNAPSHOT, (_, value: string) => `name="_draft" value="${value.slice(0, -3)}${value.endsWith('AAA') ? 'BBB' : 'AAA'}"`);

describe('a page saved from its snapshot of the draft', () => {
  it('takes one round trip and saves the answer', async () => {
    const child = device();
    const page = await start(child);
    expect(page).toMatch(SNAPSHOT);
    const { response, trips } = await save(child, 'school', page, { 'school-feeling': '4' });
    expect(location(response)).toBe(`${FORM}/p/friends`);
    expect(trips.length, describeTrips(trips)).toBe(1);
    expect(await chosen(child, 'school', 'school-feeling')).toBe('4');
  });

  it('falls back to reading the draft when the snapshot was tampered with, and still saves', async () => {
    const child = device();
    const page = await start(child);
    const { response, trips } = await save(child, 'school', tamper(page), { 'school-feeling': '5' });
    expect(location(response)).toBe(`${FORM}/p/friends`);
    expect(trips.length, describeTrips(trips)).toBe(2);
    expect(await chosen(child, 'school', 'school-feeling')).toBe('5');
  });

  it('does not open on another device: that device saves into its own draft, and the first draft is untouched', async () => {
    const first = device();
    const other = device();
    const firstPage = await start(first);
    await start(other);
    const { response } = await save(other, 'school', firstPage, { 'school-feeling': '1' });
    expect(location(response)).toBe(`${FORM}/p/school-hard`);
    expect(await chosen(other, 'school', 'school-feeling')).toBe('1');
    expect(await chosen(first, 'school', 'school-feeling')).toBeUndefined();
  });

  it('from a stale page (saved since, on another tab) applies its change on top and keeps the later answers', async () => {
    const child = device();
    const stale = await start(child);
    await save(child, 'school', stale, { 'school-feeling': '4' });
    const friends = await (await child.client.get(`${FORM}/p/friends`)).text();
    await save(child, 'friends', friends, { 'has-friend': 'yes' });
    // The first tab still shows the draft as it was before either save.
    const { response, trips } = await save(child, 'school', stale, { 'school-feeling': '5' });
    expect(location(response)).toBe(`${FORM}/p/friends`);
    // The guarded write changes nothing; the draft is read, and written again.
    expect(trips.length, describeTrips(trips)).toBe(3);
    expect(await chosen(child, 'school', 'school-feeling')).toBe('5');
    expect(await chosen(child, 'friends', 'has-friend')).toBe('yes');
  });

  it('after the draft was submitted changes nothing and leads back to the start', async () => {
    const child = device();
    let html = await start(child);
    const first = html;
    const answers: [string, Record<string, string>][] = [
      ['school', { 'school-feeling': '4' }],
      ['friends', { 'has-friend': 'yes' }],
      ['adults', { 'listened-to': '3', 'trusted-adults': 'teacher' }],
      ['wish', { 'adults-should-know': 'Mer tid ute.' }],
    ];
    for (const [page, changes] of answers) {
      const { response } = await save(child, page, html, changes);
      const next = location(response);
      if (next.includes('/p/')) html = await (await child.client.get(next)).text();
    }
    expect(location(await child.client.post(`${FORM}/submit`))).toBe(`${FORM}/done`);
    const before = await env.DB.prepare('SELECT count(*) AS n FROM responses').first<number>('n');
    const { response } = await save(child, 'school', first, { 'school-feeling': '1' });
    expect(response.status).toBe(303);
    expect(location(response)).not.toContain('/p/');
    expect(await env.DB.prepare('SELECT count(*) AS n FROM responses').first<number>('n')).toBe(before);
  });

  it('after the draft expired is not trusted: the page says the answers are gone', async () => {
    const child = device();
    const page = await start(child);
    child.clock.now += 400 * 24 * 3600 * 1000;
    const { response } = await save(child, 'school', page, { 'school-feeling': '2' });
    expect(response.status).toBe(410);
  });

  it('over the save limit is refused with Retry-After, and nothing is written', async () => {
    const child = device();
    const page = await start(child);
    const limit = JOURNEY_LIMITS.save;
    const { start: windowStart } = windowOf(limit, new Date(child.clock.now));
    await env.DB.prepare('INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, ?) ON CONFLICT (key, window_start) DO UPDATE SET count = excluded.count')
      .bind(await sha256Hex(`${limit.bucket}:${child.address}`), windowStart, limit.limit)
      .run();
    const { response, trips } = await save(child, 'school', page, { 'school-feeling': '2' });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(trips.length, describeTrips(trips)).toBe(1);
    expect(await chosen(child, 'school', 'school-feeling')).toBeUndefined();
  });

  it('gets a fresh snapshot from a background save, so the next save is one round trip again', async () => {
    const child = device();
    const page = await start(child);
    const { response } = await save(child, 'school', page, { 'school-feeling': '2', _action: 'autosave' }, { accept: 'application/json' });
    const body = (await response.json()) as { saved: boolean; draft?: string };
    expect(body.saved).toBe(true);
    expect(body.draft).toMatch(/^v1\./);
    const refreshed = page.replace(SNAPSHOT, `name="_draft" value="${body.draft}"`);
    const { trips } = await save(child, 'school', refreshed, { 'school-feeling': '3' });
    expect(trips.length, describeTrips(trips)).toBe(1);
    expect(await chosen(child, 'school', 'school-feeling')).toBe('3');
  });
});

describe('what a snapshot holds', () => {
  const keyring = keyringFrom(DEVELOPMENT_DATA_KEYS, DEVELOPMENT_LOOKUP_KEY);
  const draft: Draft = {
    id: 'd1',
    municipalityId: 'demo',
    formId: 'fixture-child',
    formVersion: 'v',
    language: 'nn',
    answers: { 'school-feeling': '4' },
    revision: 3,
    submissionId: 's1',
    status: 'open',
    reference: null,
    expiresAt: new Date('2027-01-01T00:00:00Z'),
    linkId: null,
    assistedRole: null,
    roundLinkId: null,
    flagged: false,
  };

  it('opens for the device key it was sealed for, as the draft it was', async () => {
    const sealed = await sealSnapshot(await keyring, 'key-a', draft);
    expect(sealed).toBeDefined();
    expect(await openSnapshot(await keyring, 'key-a', sealed!)).toEqual(draft);
    expect(await openSnapshot(await keyring, 'key-b', sealed!)).toBeUndefined();
  });

  it('is never made for a draft a personal link governs, or one answered together with staff', async () => {
    expect(await sealSnapshot(await keyring, 'key-a', { ...draft, linkId: 'l1' })).toBeUndefined();
    expect(await sealSnapshot(await keyring, 'key-a', { ...draft, linkId: 'l1', assistedRole: 'teacher' })).toBeUndefined();
  });

  it('is left out when it would make the page too large', async () => {
    const long = { ...draft, answers: { 'adults-should-know': 'x'.repeat(SNAPSHOT_MAX_CHARS) } };
    expect(await sealSnapshot(await keyring, 'key-a', long)).toBeUndefined();
  });
});
