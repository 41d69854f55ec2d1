/** The tokens admins issue for the JSON API. */
export { ApiTokens, type ApiToken } from './tokens.ts';
