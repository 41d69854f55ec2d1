import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../worker/platform/app.tsx';
import { Client, location, textOf } from './client.ts';
import { lastOutboxId, linkSentTo, signIn, staffClient } from './staff.ts';

const HOUR = 3_600_000;
const at = (offset: number) => {
  const app = createApp({ now: () => new Date(Date.now() + offset) });
  return (request: Request) => app.fetch(request, env, createExecutionContext());
};
/** The same browser (cookies), seen by the app at a later time. */
const later = (client: Client, offset: number) => {
  const moved = new Client(at(offset), '10.9.9.9');
  for (const [name, value] of client.cookies) moved.cookies.set(name, value);
  return moved;
};

describe('signing in with an e-mailed link', () => {
  it('gives the same answer whether or not the address is known, and mails only a known one', async () => {
    const before = await lastOutboxId();
    const known = await new Client(undefined, '10.1.0.1').post('/staff/sign-in', { email: 'Ansatt@Demo.Medvirk.no ' });
    const unknown = await new Client(undefined, '10.1.0.2').post('/staff/sign-in', { email: 'nobody@demo.medvirk.no' });
    const noRole = await new Client(undefined, '10.1.0.3').post('/staff/sign-in', { email: 'ingen@demo.medvirk.no' });
    expect(known.status).toBe(200);
    const [a, b, c] = await Promise.all([textOf(known), textOf(unknown), textOf(noRole)]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(await linkSentTo('ansatt@demo.medvirk.no', before)).toBeDefined();
    expect(await linkSentTo('nobody@demo.medvirk.no', before)).toBeUndefined();
    expect(await linkSentTo('ingen@demo.medvirk.no', before)).toBeUndefined();
    // The subject never carries personal data.
    const mail = await env.DB.prepare('SELECT subject FROM outbox WHERE id > ?').bind(before).first<{ subject: string }>();
    expect(mail?.subject).toBe('Lenke for å logge inn i medvirk');
  });

  it('signs in once with a link; the same link then fails with a clear message', async () => {
    const client = new Client(undefined, '10.1.1.1');
    const before = await lastOutboxId();
    await client.post('/staff/sign-in', { email: 'ansatt@demo.medvirk.no' });
    const token = new URL((await linkSentTo('ansatt@demo.medvirk.no', before)) ?? '').searchParams.get('token') ?? '';
    // Opening the link only shows a button: a mail scanner fetching it signs nobody in.
    const opened = await client.get(`/staff/sign-in/verify?token=${token}`);
    expect(opened.status).toBe(200);
    expect(client.cookies.has('__Host-session')).toBe(false);
    const first = await client.post('/staff/sign-in/verify', { token });
    expect(location(first)).toBe('/staff');
    const cookie = first.headers.getSetCookie().find((value) => value.startsWith('__Host-session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(await textOf(await client.get('/staff'))).toContain('Siri Ansatt');

    const again = await new Client(undefined, '10.1.1.2').post('/staff/sign-in/verify', { token });
    expect(again.status).toBe(400);
    expect(await textOf(again)).toContain('Lenken virker ikke');
  });

  it('refuses a link older than 15 minutes, and a guessed one', async () => {
    const before = await lastOutboxId();
    await new Client(undefined, '10.1.2.1').post('/staff/sign-in', { email: 'kollega@demo.medvirk.no' });
    const token = new URL((await linkSentTo('kollega@demo.medvirk.no', before)) ?? '').searchParams.get('token') ?? '';
    const late = new Client(at(16 * 60_000), '10.1.2.2');
    expect((await late.post('/staff/sign-in/verify', { token })).status).toBe(400);
    const guessed = await new Client(undefined, '10.1.2.3').post('/staff/sign-in/verify', { token: 'A'.repeat(43) });
    expect(guessed.status).toBe(400);
    expect((await new Client(undefined, '10.1.2.3').get('/staff/sign-in/verify?token=nope')).status).toBe(400);
  });

  it('gives a new session id at every sign-in', async () => {
    const client = await signIn(new Client(undefined, '10.1.6.1'), 'planlegger@demo.medvirk.no');
    const first = client.cookies.get('__Host-session');
    await signIn(client, 'planlegger@demo.medvirk.no');
    expect(client.cookies.get('__Host-session')).not.toBe(first);
  });

  it('explains a malformed address', async () => {
    const response = await new Client(undefined, '10.1.3.1').post('/staff/sign-in', { email: 'not an address' });
    expect(response.status).toBe(422);
    expect(await textOf(response)).toContain('Skriv inn en gyldig e-postadresse');
  });

  it('limits attempts per address and per client', async () => {
    const statuses = [];
    for (let attempt = 0; attempt < 6; attempt++) statuses.push((await new Client(undefined, `10.1.4.${attempt}`).post('/staff/sign-in', { email: 'flood@demo.medvirk.no' })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const one = new Client(undefined, '10.1.5.1');
    const fromOne = [];
    for (let attempt = 0; attempt < 11; attempt++) fromOne.push((await one.post('/staff/sign-in', { email: `person${attempt}@demo.medvirk.no` })).status);
    expect(fromOne.slice(0, 10).every((status) => status === 200)).toBe(true);
    expect(fromOne[10]).toBe(429);
  });
});

describe('sessions', () => {
  it('ends after an hour without activity, and after twelve hours in any case', async () => {
    const client = await staffClient('ansatt@demo.medvirk.no');
    expect((await later(client, 50 * 60_000).get('/staff')).status).toBe(200);
    // Idle time counts from the last activity, here at 50 minutes.
    expect((await later(client, 109 * 60_000).get('/staff')).status).toBe(200);
    expect(location(await later(client, 171 * 60_000).get('/staff'))).toBe('/staff/sign-in');
    // Once ended, the session stays ended.
    expect(location(await later(client, 110 * 60_000).get('/staff'))).toBe('/staff/sign-in');

    const busy = await staffClient('kollega@demo.medvirk.no');
    // Active every 50 minutes, but still signed out after twelve hours.
    for (let minutes = 50; minutes < 12 * 60; minutes += 50) expect((await later(busy, minutes * 60_000).get('/staff')).status).toBe(200);
    expect(location(await later(busy, 12 * HOUR + 60_000).get('/staff'))).toBe('/staff/sign-in');
  });

  it('signs out here, or everywhere', async () => {
    const laptop = await staffClient('helse@demo.medvirk.no');
    const phone = await staffClient('helse@demo.medvirk.no');
    const tablet = await staffClient('helse@demo.medvirk.no');
    expect(location(await laptop.post('/staff/sign-out'))).toBe('/staff/sign-in');
    expect(location(await laptop.get('/staff'))).toBe('/staff/sign-in');
    expect((await phone.get('/staff')).status).toBe(200);
    await phone.post('/staff/sign-out-everywhere');
    expect(location(await tablet.get('/staff'))).toBe('/staff/sign-in');
  });

  it('sends a signed-out visitor to sign in, and answers JSON clients with 401', async () => {
    expect(location(await new Client().get('/staff'))).toBe('/staff/sign-in');
    const json = await new Client().request('/staff', { headers: { accept: 'application/json' } });
    expect(json.status).toBe(401);
    expect(await json.json()).toMatchObject({ error: 'signInRequired' });
  });
});

describe('the development outbox', () => {
  it('shows mail in development only; production has no outbox', async () => {
    expect((await new Client().get('/dev/outbox')).status).toBe(200);
    const production = createApp();
    const response = await production.fetch(new Request('https://medvirk.test/dev/outbox'), { ...env, ENVIRONMENT: 'production' }, createExecutionContext());
    expect(response.status).toBe(404);
  });
});

describe('outside development', () => {
  it('without a mail provider, sign-in answers the same whether or not the address is known, and the mail fails visibly', async () => {
    const production = createApp();
    const ask = async (email: string, vars: Record<string, string>) => {
      const ctx = createExecutionContext();
      const response = await production.fetch(
        new Request('https://medvirk.test/staff/sign-in', {
          method: 'POST',
          body: new URLSearchParams({ email }),
          headers: { origin: 'https://medvirk.test', 'content-type': 'application/x-www-form-urlencoded', 'cf-connecting-ip': `10.2.0.${Object.keys(vars).length + 1}` },
        }),
        { ...env, ENVIRONMENT: 'production', ...vars },
        ctx,
      );
      await waitOnExecutionContext(ctx);
      return response.status;
    };
    // Without PUBLIC_ORIGIN no link can be made: refused alike, before anyone is looked up.
    const bare = [await ask('admin@demo.medvirk.no', {}), await ask('nobody@example.no', {})];
    expect(bare[0]).toBe(500);
    expect(bare[1]).toBe(bare[0]);
    const origin = { PUBLIC_ORIGIN: 'https://medvirk.kommune.no' };
    const before = Date.now();
    const answered = [await ask('admin@demo.medvirk.no', origin), await ask('nobody@example.no', origin)];
    expect(answered).toEqual([200, 200]);
    // The known address's mail was queued and, with no provider, failed: its address erased.
    const mail = await env.DB.prepare("SELECT status, last_error, recipient FROM outbox_messages WHERE subject_ref = 'person:demo-admin' AND created_at >= ? ORDER BY created_at DESC").bind(before).first();
    expect(mail).toEqual({ status: 'failed', last_error: 'not-configured', recipient: null });
  });
});
