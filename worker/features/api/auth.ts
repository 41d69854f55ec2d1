/** Who may use the API: a live token, for its own municipality only, at a bounded rate; guessing is limited. */
import type { Context, MiddlewareHandler } from 'hono';
import { refuse } from '../../core/refusals.ts';
import { may, tokenActor, type Ability } from '../../core/policy.ts';
import { limitFailures, rateLimit } from '../../platform/middleware/rate-limit/index.ts';
import { ApiTokens } from './tokens.ts';
import type { ApiEnv } from './env.ts';
import { AUTH_FAILURE_LIMIT, RATE_LIMIT } from './limits.ts';

/** Tokens are `mvk_` and base64url; anything longer is not worth hashing. */
const BEARER = /^Bearer +([\w-]{1,128})$/i;

const bearerSecret = (c: Context) => c.req.header('authorization')?.match(BEARER)?.[1];

/**
 * For routes under `/municipalities/:municipality`: sets `token`, `municipality` and `database`.
 * A token acts for its municipality as an admin would, so it sees all of that municipality's
 * links and answers, and nothing of any other.
 */
export const apiAuth = (): MiddlewareHandler<ApiEnv> => async (c, next) => {
  // Guessing is limited per client: a wrong or missing token counts, a right one does not.
  const failed = await limitFailures(c, AUTH_FAILURE_LIMIT);
  const secret = bearerSecret(c);
  const token = secret ? await new ApiTokens(c.env.DB).verify(secret, c.var.now) : undefined;
  if (!token) {
    await failed();
    c.header('www-authenticate', 'Bearer realm="medvirk"');
    refuse('apiUnauthorized');
  }
  const actor = tokenActor(token);
  if (!may(actor.memberships, 'links', c.req.param('municipality') ?? '')) refuse('apiNoAccess');
  const municipality = await c.var.directory.municipality(token.municipalityId);
  if (!municipality) refuse('apiNoAccess');
  c.set('token', token);
  c.set('actor', actor);
  c.set('municipality', municipality);
  c.set('database', c.var.openDatabase(municipality));
  await next();
};

/**
 * Counted per token, after `apiAuth` has verified it (so its secret names one token), rather
 * than per address: one system may call from many addresses, and many systems from one.
 */
export const perTokenLimit = () => rateLimit({ ...RATE_LIMIT, key: (c) => bearerSecret(c) ?? '' });

/** After `apiAuth`, for routes that need an ability beyond links: the token's actor must have it in its municipality. */
export const apiAbility =
  (ability: Ability): MiddlewareHandler<ApiEnv> =>
  async (c, next) => {
    if (!may(c.var.actor.memberships, ability, c.var.municipality.id)) refuse('apiNoAccess');
    await next();
  };
