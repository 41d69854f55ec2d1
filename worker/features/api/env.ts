import type { WithVariables } from '../../platform/env.ts';
import type { Municipality } from '../../core/municipality.ts';
import type { Database } from '../../platform/storage/database.ts';
import type { ApiToken } from './tokens.ts';

/** The API's env: what its auth middleware resolves once per request. */
export type ApiEnv = WithVariables<{
  /** The verified token: it acts for its municipality, like that municipality's admin. */
  token: ApiToken;
  /** The municipality of the path, which is always the token's own. */
  municipality: Municipality;
  database: Database;
}>;

/** How the API names a token in `created_by` and the audit log, apart from people's ids. */
export const actorOf = (token: ApiToken) => `token:${token.id}`;
