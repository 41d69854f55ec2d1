/** The staff workspace: passwordless sign-in, sessions, and the pages behind them. */
import { Hono } from 'hono';
import type { StaffEnv } from './env.ts';
import { publicOrigin } from '../../platform/public-origin.ts';
import { newKey, sha256Hex } from '../../core/secrets.ts';
import { deliverSoon } from '../../platform/outbox/deliver-all.ts';
import { enqueueMessage } from '../../platform/outbox/enqueue.ts';
import { countHit } from '../../platform/storage/rate-limits.ts';
import { readForm } from '../../platform/middleware/form-post/index.ts';
import { enforce, rateLimit } from '../../platform/middleware/rate-limit/index.ts';
import { page, redirect } from '../../platform/render.ts';
import { IdentityProviders } from './identity-providers.ts';
import { beginOidc, finishOidc } from './oidc.ts';
import { endSession, requireStaff, startSession } from './session.ts';
import { MessagePage } from '../../../web/pages/message.tsx';
import { StaffHome } from '../../../web/staff/home.tsx';
import { SignInPage, VerifyPage } from '../../../web/staff/sign-in.tsx';
import { refuse } from '../../core/refusals.ts';
import { isMember, maySignIn } from '../../core/policy.ts';

/** Sign-in links work for 15 minutes, once. */
export const SIGN_IN_TTL_MS = 15 * 60_000;
/** Sign-in links one inbox may be sent, so it cannot be flooded from many places. */
const PER_ADDRESS = { bucket: 'sign-in-address', limit: 5, windowSeconds: 900 };
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
const TOKEN = /^[A-Za-z0-9_-]{40,64}$/;

export const staff = new Hono<StaffEnv>();

staff.get('/sign-in', async (c) => (c.var.staff ? redirect(c, '/staff') : page(c, <SignInPage ui={c.var.ui} providers={await new IdentityProviders(c.var.directory.database).all()} />)));

// The callback is registered with each provider; the municipality comes back in the flow cookie.
staff.get('/sign-in/oidc/callback', rateLimit({ bucket: 'oidc', limit: 30, windowSeconds: 900 }), async (c) => {
  const { municipalityId, email } = await finishOidc(c, (id) => new IdentityProviders(c.var.directory.database).of(id));
  const person = await c.var.people.byEmail(email);
  // Signed in at the provider, but only people with a role in that municipality get in.
  const member = person && isMember(await c.var.people.memberships(person.id), municipalityId);
  if (!person || !member) refuse('noAccess');
  await startSession(c, person.id);
  return redirect(c, '/staff');
});

staff.get('/sign-in/oidc/:municipality', rateLimit({ bucket: 'oidc', limit: 30, windowSeconds: 900 }), async (c) => {
  const provider = await new IdentityProviders(c.var.directory.database).of(c.req.param('municipality'));
  if (!provider) refuse('notFound');
  return c.redirect(await beginOidc(c, provider), 303);
});

staff.post('/sign-in', rateLimit({ bucket: 'sign-in', limit: 10, windowSeconds: 900 }), async (c) => {
  const { ui, now, people, directory } = c.var;
  // Resolved before anyone is looked up: a missing setting fails alike for every address.
  const origin = publicOrigin(c.env, c.req.url);
  const body = await readForm(c);
  const email = (body.get('email')?.[0] ?? '').trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) return page(c, <SignInPage ui={ui} value={email} error={ui.t('errors.emailInvalid')} />, 422);
  // Also limited per address, so one inbox cannot be flooded from many places.
  enforce(c, PER_ADDRESS, await countHit(directory.database, PER_ADDRESS, email, now), now);

  const person = await people.byEmail(email);
  if (person && maySignIn(await people.memberships(person.id))) {
    const token = newKey() + newKey();
    const link = `${origin}/staff/sign-in/verify?token=${token}`;
    const mail = { subject: ui.t('mail.signIn.subject'), body: ui.t('mail.signIn.body', { link, minutes: 15 }) };
    // The token and its mail in one batch; the mail is delivered after answering.
    await directory.database.commit([
      people.addSignInToken(await sha256Hex(token), person.id, now, new Date(now.getTime() + SIGN_IN_TTL_MS)),
      enqueueMessage(directory.database.db, { municipalityId: null, channel: 'email', recipient: email, ...mail, subjectRef: `person:${person.id}` }, now),
    ]);
    deliverSoon(c.executionCtx, c.env, c.env.DB, now);
  }
  return page(c, <MessagePage ui={ui} title={ui.t('staff.signIn.sentTitle')} body={[ui.t('staff.signIn.sent', { minutes: 15 })]} />);
});

staff.get('/sign-in/verify', (c) => {
  const token = c.req.query('token') ?? '';
  if (!TOKEN.test(token)) refuse('signInLinkInvalid');
  return page(c, <VerifyPage ui={c.var.ui} token={token} />);
});

staff.post('/sign-in/verify', rateLimit({ bucket: 'sign-in-verify', limit: 20, windowSeconds: 900 }), async (c) => {
  const body = await readForm(c);
  const token = body.get('token')?.[0] ?? '';
  const personId = TOKEN.test(token) ? await c.var.people.useSignInToken(await sha256Hex(token), c.var.now) : undefined;
  if (!personId) refuse('signInLinkInvalid');
  await startSession(c, personId);
  return redirect(c, '/staff');
});

staff.post('/sign-out', async (c) => {
  await endSession(c, false);
  return redirect(c, '/staff/sign-in');
});

staff.post('/sign-out-everywhere', requireStaff(), async (c) => {
  await endSession(c, true);
  return redirect(c, '/staff/sign-in');
});

// Everything about one municipality; membership of it is checked before anything is read.

staff.get('/', requireStaff(), (c) => {
  const { person, memberships } = c.var.staff!;
  return page(c, <StaffHome ui={c.var.ui} name={person.name} memberships={memberships} />);
});
