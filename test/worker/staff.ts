/** Signing staff in, as a person would: ask for a link, open it from the outbox, confirm. */
import { env } from 'cloudflare:test';
import { expect } from 'vitest';
import { Client, location } from './client.ts';

/** The newest sign-in link sent to an address; the mail is sent in the background, so wait for it. */
export async function linkSentTo(email: string, after = 0): Promise<string | undefined> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const row = await env.DB.prepare('SELECT id, body FROM outbox WHERE "to" = ? AND id > ? ORDER BY id DESC LIMIT 1').bind(email, after).first<{ body: string }>();
    const link = row?.body.match(/https?:\/\/\S+\/staff\/sign-in\/verify\?token=[\w-]+/)?.[0];
    if (link) return link;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return undefined;
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

/** A signed-in client with its own address, so rate limits of one test do not touch another. */
let addresses = 0;
export const staffClient = (email: string) => signIn(new Client(undefined, `10.0.${Math.floor(++addresses / 200)}.${addresses % 200}`), email);
