import type { Env } from '../env.ts';
import type { Mailer } from './mailer.ts';
import { OutboxMailer } from './dev-outbox.ts';

export const isDevelopment = (env: Env) => env.ENVIRONMENT === 'development';

/** The configured mail provider. Only the development outbox exists so far; production must configure one. */
export function mailerFor(env: Env): Mailer {
  if (isDevelopment(env)) return new OutboxMailer(env.DB);
  throw new Error('no e-mail provider is configured for this environment');
}
