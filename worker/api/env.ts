import type { AppEnv } from '../env.ts';
import type { ApiToken } from '../storage/api-tokens.ts';
import type { Municipality } from '../storage/store.ts';

/** The app's variables, plus what the API's auth middleware resolves once per request. */
export interface ApiEnv {
  Bindings: AppEnv['Bindings'];
  Variables: AppEnv['Variables'] & {
    /** The verified token: it acts for its municipality, like that municipality's admin. */
    token: ApiToken;
    /** The municipality of the path, which is always the token's own. */
    municipality: Municipality;
  };
}

/** How the API names a token in `created_by` and the audit log, apart from people's ids. */
export const actorOf = (token: ApiToken) => `token:${token.id}`;
