import type { Actor } from '../../core/policy.ts';
import type { WithVariables } from '../../platform/env.ts';
import type { Municipality } from '../../core/municipality.ts';
import type { Database } from '../../platform/storage/database.ts';
import type { ApiToken } from './tokens.ts';

/** The API's env: what its auth middleware resolves once per request. */
export type ApiEnv = WithVariables<{
  /** The verified token: it acts for its municipality, like that municipality's admin. */
  token: ApiToken;
  /** The token as the policy sees it: its municipality's admin (`tokenActor`). */
  actor: Actor;
  /** The municipality of the path, which is always the token's own. */
  municipality: Municipality;
  database: Database;
}>;
