import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { keyIdOf, keyringFrom, open } from '../../worker/core/sealed.ts';
import { lapseReminders } from '../../worker/features/consent/index.ts';
import { openDirectory } from '../../worker/platform/storage/open.ts';
import { purgeAll } from '../../worker/platform/scheduled.ts';
import { Database } from '../../worker/platform/storage/database.ts';
import { signerDevice, signerLink, signingFields, startConsent } from './consent-helpers.ts';
import { staffClient } from './staff.ts';

const OLD = 'dev1:ZGV2ZWxvcG1lbnQta2V5LW5vdC1hLXNlY3JldC0wMDE';
const LOOKUP = 'ZGV2ZWxvcG1lbnQtbG9va3VwLWtleS1ub3QtYS1zZWNyZXQ';
const NEW = `k2:${btoa(String.fromCharCode(...new Uint8Array(32).fill(7))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;

async function signedConsent() {
  const staff = await staffClient('ansatt@demo.medvirk.no');
  const consent = await startConsent(staff, { guardians: '1' });
  const link = await signerLink(staff, consent.id, consent.signers[0]!.id);
  const signer = signerDevice();
  const page = await (await signer.get(link)).text();
  expect((await signer.post(link, signingFields(page, { 'health-station': 'approve', school: 'approve', ppt: 'approve' }))).status).toBe(303);
  return { staff, ...consent, link, signer };
}

describe('key rotation for consents', () => {
  it('the nightly job reseals every name, national ID, document, withdrawal code and receipt key with the newest key', async () => {
    const { id } = await signedConsent();
    await purgeAll({ ...env, DATA_KEYS: `${NEW},${OLD}`, LOOKUP_KEY: LOOKUP }, new Date());
    const signature = await env.DB.prepare('SELECT * FROM consent_signatures WHERE consent_id = ?').bind(id).first<Record<string, string>>();
    const receipt = await env.DB.prepare('SELECT * FROM consent_receipts WHERE consent_id = ?').bind(id).first<Record<string, string>>();
    const key = await env.DB.prepare("SELECT sealed_private_key FROM consent_receipt_keys WHERE municipality_id = 'demo'").first<{ sealed_private_key: string }>();
    for (const sealed of [signature!.sealed_name!, signature!.sealed_child_name!, signature!.sealed_child_id!, signature!.sealed_document!, receipt!.sealed_withdrawal_code!, key!.sealed_private_key]) expect(keyIdOf(sealed)).toBe('k2');
    // Readable with the new key alone, unchanged.
    const keyring = await keyringFrom(NEW, LOOKUP);
    expect(await open(keyring, signature!.sealed_name!, `consent.signer_name:${signature!.id}`)).toBe('Kari Nordmann');
    expect(await open(keyring, signature!.sealed_child_id!, `consent.child_id:${signature!.id}`)).toMatch(/^\d{11}$/);
    // Rotating back leaves the test database readable for the app, which has only the development key.
    await purgeAll({ ...env, DATA_KEYS: `${OLD},${NEW}`, LOOKUP_KEY: LOOKUP }, new Date());
    expect(keyIdOf((await env.DB.prepare("SELECT sealed_private_key FROM consent_receipt_keys WHERE municipality_id = 'demo'").first<{ sealed_private_key: string }>())!.sealed_private_key)).toBe('dev1');
  });
});

describe('reminders before a consent lapses', () => {
  it('go once to the staff member who started it, through the outbox', async () => {
    const { id } = await signedConsent();
    const municipality = (await openDirectory(env).municipality('demo'))!;
    const database = new Database(env.DB);
    const created = await env.DB.prepare('SELECT expires_at FROM consents WHERE id = ?').bind(id).first<{ expires_at: number }>();
    const soon = new Date(created!.expires_at - 10 * 86_400_000);
    const emailOf = async (person: string) => (person === 'demo-ansatt' ? 'ansatt@demo.medvirk.no' : undefined);
    const first = await lapseReminders(database, municipality, emailOf, 'https://medvirk.test', soon);
    expect(first.length).toBeGreaterThanOrEqual(1);
    await database.commit(first);
    const message = await env.DB.prepare('SELECT recipient, subject FROM outbox_messages WHERE subject_ref = ?').bind(`consent-reminder:${id}`).first<{ recipient: string; subject: string }>();
    expect(message).toEqual({ recipient: 'ansatt@demo.medvirk.no', subject: 'Et samtykke går snart ut' });
    const again = await lapseReminders(database, municipality, emailOf, 'https://medvirk.test', soon);
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM outbox_messages WHERE subject_ref = ?').bind(`consent-reminder:${id}`).first('n')).toBe(1);
    expect(again.length).toBeLessThan(first.length);
    // Not yet within the window: nothing.
    expect(await lapseReminders(database, municipality, emailOf, 'https://medvirk.test', new Date(created!.expires_at - 60 * 86_400_000))).toHaveLength(0);
  });
});

describe('a consent that lapses', () => {
  it('gets one expired event in its log from the nightly job, shown in the register history', async () => {
    const { id } = await signedConsent();
    const created = await env.DB.prepare('SELECT expires_at FROM consents WHERE id = ?').bind(id).first<{ expires_at: number }>();
    const events = () => env.DB.prepare("SELECT at, by FROM consent_events WHERE consent_id = ? AND kind = 'expired'").bind(id).all<{ at: number; by: string }>();
    // Before its end, nothing is written.
    await purgeAll(env, new Date(created!.expires_at - 86_400_000));
    expect((await events()).results).toHaveLength(0);
    const after = new Date(created!.expires_at + 3 * 86_400_000);
    await purgeAll(env, after);
    await purgeAll(env, new Date(after.getTime() + 86_400_000));
    // Once, dated when it lapsed, not when the job ran.
    expect((await events()).results).toEqual([{ at: created!.expires_at, by: 'system' }]);
    // The clean-up a year on has ended the old session: sign in again.
    const register = await (await (await staffClient('ansatt@demo.medvirk.no')).get(`/staff/m/demo/consents/${id}`)).text();
    expect(register).toContain('<td>Gikk ut</td>');
  });
});
