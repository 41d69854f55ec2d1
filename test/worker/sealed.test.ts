import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { keyIdOf, keyringFrom, lookupHash, open, reseal, seal } from '../../worker/core/sealed.ts';
import { keyringFor } from '../../worker/platform/keys.ts';
import { createApp } from '../../worker/platform/app.tsx';
import { sha256Hex } from '../../worker/core/secrets.ts';
import { purgeAll } from '../../worker/platform/scheduled.ts';
import { DEVELOPMENT_DATA_KEYS, DEVELOPMENT_LOOKUP_KEY } from '../../worker/platform/development-keys.ts';
import { answeredCase } from './case-fixture.ts';
import { draftAnswers } from './sealed-draft.ts';
import { Client, textOf } from './client.ts';

const key = (fill: number) => btoa(String.fromCharCode(...new Uint8Array(32).fill(fill)));
const LOOKUP = key(9);

describe('values sealed at rest', () => {
  it('opens what it sealed, and the stored form holds neither the text nor a repeat of it', async () => {
    const keyring = await keyringFrom(`k1:${key(1)}`, LOOKUP);
    const first = await seal(keyring, 'Kari Nordmann', 'consent.name:1');
    const second = await seal(keyring, 'Kari Nordmann', 'consent.name:1');
    expect(first).not.toContain('Kari');
    expect(first).not.toBe(second);
    expect(await open(keyring, first, 'consent.name:1')).toBe('Kari Nordmann');
    expect(keyIdOf(first)).toBe('k1');
  });

  it('refuses a value moved to another place or changed by one character', async () => {
    const keyring = await keyringFrom(`k1:${key(1)}`, LOOKUP);
    const sealed = await seal(keyring, 'svar', 'response.answers:7');
    await expect(open(keyring, sealed, 'response.answers:8')).rejects.toThrow(/does not open/);
    const last = sealed.at(-2) === 'A' ? 'B' : 'A';
    await expect(open(keyring, `${sealed.slice(0, -2)}${last}${sealed.at(-1)}`, 'response.answers:7')).rejects.toThrow();
  });

  it('rotates: a new key seals, the old one still opens until the value is resealed', async () => {
    const old = await keyringFrom(`k1:${key(1)}`, LOOKUP);
    const sealed = await seal(old, '12345678901', 'x');
    const rotated = await keyringFrom(`k2:${key(2)},k1:${key(1)}`, LOOKUP);
    expect(await open(rotated, sealed, 'x')).toBe('12345678901');
    const moved = await reseal(rotated, sealed, 'x');
    expect(moved && keyIdOf(moved)).toBe('k2');
    expect(await reseal(rotated, moved!, 'x')).toBeUndefined();
    const retired = await keyringFrom(`k2:${key(2)}`, LOOKUP);
    expect(await open(retired, moved!, 'x')).toBe('12345678901');
    await expect(open(retired, sealed, 'x')).rejects.toThrow(/k1 is not available/);
  });

  it('finds equal values by a keyed hash that differs per purpose and per key', async () => {
    const keyring = await keyringFrom(`k1:${key(1)}`, LOOKUP);
    const other = await keyringFrom(`k1:${key(1)}`, key(10));
    const hash = await lookupHash(keyring, 'national-id', '12345678901');
    expect(hash).toBe(await lookupHash(keyring, 'national-id', '12345678901'));
    expect(hash).not.toBe(await lookupHash(keyring, 'case', '12345678901'));
    expect(hash).not.toBe(await lookupHash(other, 'national-id', '12345678901'));
  });

  it('rejects broken key settings instead of sealing with a wrong key', async () => {
    await expect(keyringFrom('', LOOKUP)).rejects.toThrow(/no data key/);
    await expect(keyringFrom(`k1:${btoa('short')}`, LOOKUP)).rejects.toThrow(/32 bytes/);
    await expect(keyringFrom(`k1:${key(1)},k1:${key(2)}`, LOOKUP)).rejects.toThrow(/twice/);
    await expect(keyringFrom(`k1:${key(1)}`, btoa('short'))).rejects.toThrow(/lookup key/);
  });

  it('uses development keys only in development, and refuses elsewhere without the secrets', async () => {
    expect((await keyringFor({ ...env, ENVIRONMENT: 'development' })).current).toBe('dev1');
    expect(() => keyringFor({ ...env, ENVIRONMENT: 'production', DATA_KEYS: undefined, LOOKUP_KEY: undefined })).toThrow(
      expect.objectContaining({ code: 'sealingUnavailable' }),
    );
  });
});

describe('an answer sealed under a key the deployment no longer has', () => {
  it('gets a clear 503 page, in the page language, and stays stored unchanged', async () => {
    const { staff, responseId } = await answeredCase('NOKKEL-1');
    const before = await env.DB.prepare('SELECT * FROM responses WHERE id = ?').bind(responseId).first();
    // The same app, deployed with only a new key: the development key that sealed the answer is gone.
    const app = createApp();
    const withoutOldKey = { ...env, DATA_KEYS: `k9:${key(9)}`, LOOKUP_KEY: LOOKUP };
    const reader = new Client(async (request) => {
      const context = createExecutionContext();
      const response = await app.fetch(request, withoutOldKey, context);
      await waitOnExecutionContext(context);
      return response;
    });
    for (const [name, value] of staff.cookies) reader.cookies.set(name, value);
    const page = await reader.get(`/staff/m/demo/responses/${responseId}`);
    expect(page.status).toBe(503);
    const text = await textOf(page);
    expect(text).toContain('Kan ikke vises akkurat nå');
    expect(text).toContain('Ingenting er slettet eller endret');
    expect(await env.DB.prepare('SELECT * FROM responses WHERE id = ?').bind(responseId).first()).toEqual(before);
  });
});

describe('a draft of an identifiable form', () => {
  it('holds its answers sealed while the child answers, and still resumes and submits', async () => {
    const child = new Client();
    await child.post('/m/demo/fixture-child/start');
    await child.post('/m/demo/fixture-child/p/school', { 'school-feeling': '2' });
    await child.post('/m/demo/fixture-child/p/friends', { 'has-friend': 'no' });
    const key = [...child.cookies.values()][0] ?? '';
    const row = await env.DB.prepare('SELECT d.id, d.answers FROM drafts d JOIN draft_keys k ON k.draft_id = d.id WHERE k.key_hash = ?').bind(await sha256Hex(key)).first<{ id: string; answers: string }>();
    expect(row!.answers).not.toContain('school-feeling');
    expect(keyIdOf(JSON.parse(row!.answers))).toBe('dev1');
    expect(await draftAnswers(row!)).toEqual({ 'school-feeling': '2', 'has-friend': 'no' });
    // The app reads it back: the page shows the saved answer, and the check page lists both.
    expect(await (await child.get('/m/demo/fixture-child/p/school')).text()).toMatch(/value="2"[^>]*checked|checked[^>]*value="2"/);
    await child.post('/m/demo/fixture-child/p/adults', { 'listened-to': '1' });
    await child.post('/m/demo/fixture-child/p/wish', { 'adults-should-know': 'Mer tid ute' });
    expect((await child.post('/m/demo/fixture-child/submit')).status).toBe(303);
  });
});

describe('key rotation for answers', () => {
  it('the nightly job reseals responses and drafts with the newest key, readable as before', async () => {
    const { responseId, staff } = await answeredCase('ROTASJON-1');
    const child = new Client();
    await child.post('/m/demo/fixture-child/start');
    await child.post('/m/demo/fixture-child/p/school', { 'school-feeling': '3' });
    const deviceKey = [...child.cookies.values()][0] ?? '';
    const draftId = (await env.DB.prepare('SELECT draft_id FROM draft_keys WHERE key_hash = ?').bind(await sha256Hex(deviceKey)).first<{ draft_id: string }>())!.draft_id;
    const sealedNow = async () => [
      keyIdOf(JSON.parse((await env.DB.prepare('SELECT answers FROM responses WHERE id = ?').bind(responseId).first<{ answers: string }>())!.answers)),
      keyIdOf(JSON.parse((await env.DB.prepare('SELECT answers FROM drafts WHERE id = ?').bind(draftId).first<{ answers: string }>())!.answers)),
    ];
    expect(await sealedNow()).toEqual(['dev1', 'dev1']);
    await purgeAll({ ...env, DATA_KEYS: `k7:${key(7)},${DEVELOPMENT_DATA_KEYS}`, LOOKUP_KEY: DEVELOPMENT_LOOKUP_KEY }, new Date());
    expect(await sealedNow()).toEqual(['k7', 'k7']);
    // Rotated back, so the app with only the development key reads them as before.
    await purgeAll({ ...env, DATA_KEYS: `${DEVELOPMENT_DATA_KEYS},k7:${key(7)}`, LOOKUP_KEY: DEVELOPMENT_LOOKUP_KEY }, new Date());
    expect(await sealedNow()).toEqual(['dev1', 'dev1']);
    expect(await textOf(await staff.get(`/staff/m/demo/responses/${responseId}`))).toContain('Jeg vil bo hos pappa i helgene');
    expect(await (await child.get('/m/demo/fixture-child/p/school')).text()).toMatch(/value="3"[^>]*checked|checked[^>]*value="3"/);
  });
});
