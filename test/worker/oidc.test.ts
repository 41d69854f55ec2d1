import { createExecutionContext, env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../worker/platform/app.tsx';
import { Client, location, textOf } from './client.ts';
import { fakeIdp, type FakeIdp } from './fake-idp.ts';

const ISSUER = 'https://idp.test';
let idp: FakeIdp;
let address = 0;

/** A browser talking to an app whose identity-provider calls go to the fake provider. */
function browser() {
  const app = createApp({ outbound: (input, init) => idp.fetch(input, init) });
  return new Client((request) => app.fetch(request, { ...env, OIDC_SECRET_DEMO: 'client-secret' } as typeof env, createExecutionContext()), `10.5.0.${++address}`);
}

/** Whether an answer hands the browser a session. */
const setsSession = (response: Response) => response.headers.getSetCookie().some((cookie) => /^__Host-session=[^;]+/.test(cookie) && !/max-age=0/i.test(cookie));

/** Starts at medvirk, "signs in" at the provider as `email`, and comes back. */
async function signInAt(client: Client, email: string, tamper: { state?: string; nonce?: string; emailVerified?: boolean } = {}) {
  const start = await client.get('/staff/sign-in/oidc/demo');
  expect(start.status).toBe(303);
  const authorize = new URL(start.headers.get('location') ?? '');
  expect(authorize.origin + authorize.pathname).toBe(`${ISSUER}/authorize`);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('redirect_uri')).toBe('https://medvirk.test/staff/sign-in/oidc/callback');
  const code = idp.login(authorize, email, { nonce: tamper.nonce, emailVerified: tamper.emailVerified });
  const state = tamper.state ?? authorize.searchParams.get('state') ?? '';
  return client.get(`/staff/sign-in/oidc/callback?code=${code}&state=${state}`);
}

beforeAll(async () => {
  idp = await fakeIdp(ISSUER, 'medvirk', 'client-secret');
  await env.DB.prepare("INSERT OR IGNORE INTO oidc_providers (municipality_id, label, issuer, client_id, client_secret_name, email_claim) VALUES ('demo', 'Entra ID', ?, 'medvirk', 'OIDC_SECRET_DEMO', 'email')").bind(ISSUER).run();
});

describe('signing in with the municipality’s identity provider', () => {
  it('is offered on the sign-in page', async () => {
    expect(await textOf(await browser().get('/staff/sign-in'))).toContain('Logg inn med Entra ID (Demo kommune)');
  });

  it('signs a member in, with a fresh session', async () => {
    const client = browser();
    const back = await signInAt(client, 'Ansatt@Demo.medvirk.no');
    expect(location(back)).toBe('/staff');
    expect(client.cookies.has('__Host-session')).toBe(true);
    expect(client.cookies.has('__Host-oidc')).toBe(false);
    expect(await textOf(await client.get('/staff'))).toContain('Siri Ansatt');
  });

  it('refuses an address the provider says it has not verified, and gives no session', async () => {
    const unverified = await signInAt(browser(), 'ansatt@demo.medvirk.no', { emailVerified: false });
    expect(unverified.status).toBe(400);
    expect(setsSession(unverified)).toBe(false);
    const verified = await signInAt(browser(), 'ansatt@demo.medvirk.no', { emailVerified: true });
    expect(location(verified)).toBe('/staff');
    expect(setsSession(verified)).toBe(true);
  });

  it('refuses someone the provider knows but who has no role in that municipality, and gives no session', async () => {
    for (const email of ['ansatt@andre.medvirk.no', 'stranger@example.no']) {
      const refused = await signInAt(browser(), email);
      expect(refused.status).toBe(403);
      expect(setsSession(refused)).toBe(false);
    }
  });

  it('refuses a forged state, a wrong nonce, and a callback without the flow cookie, with no session', async () => {
    const forged = await signInAt(browser(), 'ansatt@demo.medvirk.no', { state: 'forged' });
    expect(forged.status).toBe(400);
    expect(await textOf(forged)).toContain('Innloggingen ble ikke fullført');
    expect(setsSession(forged)).toBe(false);
    const nonce = await signInAt(browser(), 'ansatt@demo.medvirk.no', { nonce: 'other' });
    expect(nonce.status).toBe(400);
    expect(setsSession(nonce)).toBe(false);

    const client = browser();
    const start = await client.get('/staff/sign-in/oidc/demo');
    const authorize = new URL(start.headers.get('location') ?? '');
    const callback = `/staff/sign-in/oidc/callback?code=${idp.login(authorize, 'ansatt@demo.medvirk.no')}&state=${authorize.searchParams.get('state')}`;
    // Another browser, without the flow cookie, cannot use the code.
    const stolen = await browser().get(callback);
    expect(stolen.status).toBe(400);
    expect(setsSession(stolen)).toBe(false);
  });

  it('says so when the provider does not answer', async () => {
    idp.down = true;
    try {
      const response = await browser().get('/staff/sign-in/oidc/demo');
      expect(response.status).toBe(502);
      expect(await textOf(response)).toContain('Innloggingstjenesten svarer ikke');
    } finally {
      idp.down = false;
    }
  });

  it('a municipality without a provider has no such sign-in', async () => {
    expect((await browser().get('/staff/sign-in/oidc/andre')).status).toBe(404);
  });
});
