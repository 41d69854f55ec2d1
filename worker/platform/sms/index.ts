import type { Env } from '../env.ts';
import { isDevelopment } from '../mail/index.ts';
import { OutboxMailer } from '../mail/dev-outbox.ts';
import type { SmsSender } from './sender.ts';

/** The configured SMS provider. In development messages land in the outbox; production must configure one. */
export function smsSenderFor(env: Env): SmsSender {
  if (isDevelopment(env)) {
    const outbox = new OutboxMailer(env.DB);
    return { send: (sms) => outbox.send({ to: sms.to, subject: 'SMS', text: sms.text }) };
  }
  throw new Error('no SMS provider is configured for this environment');
}

/** A Norwegian mobile number in E.164, from what people type ("912 34 567", "+47 91234567", "0047…"). */
export function norwegianMobile(input: string): string | undefined {
  const digits = input.replace(/[\s().-]/g, '').replace(/^(\+47|0047)/, '');
  return /^[49]\d{7}$/.test(digits) ? `+47${digits}` : undefined;
}
