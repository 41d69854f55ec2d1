/** The JSON API for case-management systems, and the tokens admins issue for it. */
export { api } from './routes.ts';
export { ApiTokens, type ApiToken } from './tokens.ts';
