import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { refuse } from '../../core/refusals.ts';
import type { StaffEnv } from './env.ts';
import { newKey, sha256Hex } from '../../core/secrets.ts';
import { may, type Ability } from '../../core/policy.ts';
import { People } from './people.ts';

const COOKIE = 'session';
/** Signed out after an hour without activity, and after twelve hours in any case. */
export const IDLE_MS = 60 * 60_000;
export const ABSOLUTE_MS = 12 * 60 * 60_000;
/** Activity is written at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = 5 * 60_000;

const cookieOptions = { prefix: 'host', path: '/', secure: true, httpOnly: true, sameSite: 'Lax' } as const;

/** A fresh session id at every sign-in, so an id planted before sign-in is worthless. */
export async function startSession(c: Context<StaffEnv>, personId: string) {
  const id = newKey() + newKey();
  await c.var.people.createSession(await sha256Hex(id), personId, c.var.now, new Date(c.var.now.getTime() + ABSOLUTE_MS));
  setCookie(c, COOKIE, id, { ...cookieOptions, maxAge: ABSOLUTE_MS / 1000 });
}

export async function endSession(c: Context<StaffEnv>, everywhere: boolean) {
  const staff = c.var.staff;
  if (staff) await (everywhere ? c.var.people.endSessionsOf(staff.person.id) : c.var.people.endSession(staff.sessionHash));
  deleteCookie(c, COOKIE, cookieOptions);
}

/** Loads the signed-in person, if any, applying the idle and absolute time-outs. */
export const loadStaff = (): MiddlewareHandler<StaffEnv> => async (c, next) => {
  c.set('people', new People(c.env.DB));
  const id = getCookie(c, COOKIE, 'host');
  if (id) {
    const hash = await sha256Hex(id);
    const session = await c.var.people.session(hash);
    const now = c.var.now.getTime();
    const alive = session && session.expiresAt.getTime() > now && session.lastSeenAt.getTime() + IDLE_MS > now;
    const person = alive ? await c.var.people.byId(session.personId) : undefined;
    if (session && person) {
      if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await c.var.people.touchSession(hash, c.var.now);
      c.set('staff', { person, memberships: await c.var.people.memberships(person.id), sessionHash: hash });
    } else {
      if (session) await c.var.people.endSession(hash);
      deleteCookie(c, COOKIE, cookieOptions);
    }
  }
  await next();
};

/** Pages for staff: a signed-out visitor is sent to sign in (401 for JSON clients). */
export const requireStaff = (): MiddlewareHandler<StaffEnv> => async (c, next) => {
  if (!c.var.staff) {
    if ((c.req.header('accept') ?? '').includes('application/json')) refuse('signInRequired');
    return c.redirect('/staff/sign-in', 303);
  }
  await next();
};

/** Only someone the policy lets do this in the municipality of the path gets through (403 otherwise). */
export const requireAbility = (ability: Ability): MiddlewareHandler<StaffEnv> => async (c, next) => {
  if (!may(c.var.staff?.memberships ?? [], ability, c.req.param('municipality') ?? '')) refuse('noAccess');
  await next();
};
