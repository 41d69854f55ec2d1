/** Signing staff in, as a person would: ask for a link, open it from the outbox, confirm. */
import { env } from 'cloudflare:test';
import { expect } from 'vitest';
import { sha256Hex } from '../../worker/core/secrets.ts';
import { Client, location, type Fetch } from './client.ts';

/** The newest message the development outbox delivered to an address; delivery runs after the answer, so wait for it. */
export async function deliveredTo(to: string, after = 0): Promise<{ subject: string; body: string } | undefined> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const row = await env.DB.prepare('SELECT id, subject, body FROM outbox WHERE "to" = ? AND id > ? ORDER BY id DESC LIMIT 1').bind(to, after).first<{ subject: string; body: string }>();
    if (row) return row;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return undefined;
}

/** The newest sign-in link sent to an address. */
export async function linkSentTo(email: string, after = 0): Promise<string | undefined> {
  return (await deliveredTo(email, after))?.body.match(/https?:\/\/\S+\/staff\/sign-in\/verify\?token=[\w-]+/)?.[0];
}

export const lastOutboxId = async () => (await env.DB.prepare('SELECT MAX(id) AS id FROM outbox').first<{ id: number | null }>())?.id ?? 0;

export async function signIn(client: Client, email: string) {
  const before = await lastOutboxId();
  expect((await client.post('/staff/sign-in', { email })).status).toBe(200);
  const link = await linkSentTo(email, before);
  expect(link, `a sign-in link for ${email}`).toBeDefined();
  const token = new URL(link ?? '').searchParams.get('token') ?? '';
  const verified = await client.post('/staff/sign-in/verify', { token });
  expect(location(verified)).toBe('/staff');
  return client;
}

/**
 * A client in the state a completed sign-in leaves (a session row and its cookie), with an
 * address of its own. The e-mailed sign-in itself, with its per-address limit, is tested in
 * staff-auth.test.ts; going through it here would hit that limit.
 */
let addresses = 0;
export async function staffClient(email: string, fetcher?: Fetch): Promise<Client> {
  const client = new Client(fetcher, `10.0.${Math.floor(++addresses / 200)}.${addresses % 200}`);
  const person = await env.DB.prepare('SELECT id FROM people WHERE email = ?').bind(email).first<{ id: string }>();
  expect(person, email).not.toBeNull();
  const id = crypto.randomUUID() + crypto.randomUUID();
  const hash = await sha256Hex(id);
  const now = Date.now();
  await env.DB.prepare('INSERT INTO sessions (id_hash, person_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)').bind(hash, person?.id, now, now, now + 12 * 3_600_000).run();
  client.cookies.set('__Host-session', id);
  return client;
}
