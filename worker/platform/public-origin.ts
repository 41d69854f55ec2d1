import type { Env } from './env.ts';

/**
 * Where links in e-mail and letters point. Outside development PUBLIC_ORIGIN must be set:
 * taking it from the request would let whoever controls a Host header choose where the links
 * in a sign-in mail or a printed letter lead.
 */
export function publicOrigin(env: Env, requestUrl: string): string {
  if (env.PUBLIC_ORIGIN) return env.PUBLIC_ORIGIN;
  if (env.ENVIRONMENT === 'development') return new URL(requestUrl).origin;
  throw new Error('PUBLIC_ORIGIN is not set');
}
