import { desc } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import * as schema from '../storage/tables.ts';
import type { Mail, Mailer } from './mailer.ts';

/**
 * Development only: mail is stored in the outbox table and the outbox page shows it.
 * `mailerFor` refuses this provider in production. Nothing is printed: mail holds sign-in and
 * personal links and addresses, which must stay out of every log, the console included.
 */
export class OutboxMailer implements Mailer {
  constructor(private readonly database: D1Database) {}

  async send(mail: Mail) {
    await drizzle(this.database, { schema }).insert(schema.outbox).values({ to: mail.to, subject: mail.subject, body: mail.text, createdAt: new Date() });
  }

  async latest(limit = 20) {
    return drizzle(this.database, { schema }).select().from(schema.outbox).orderBy(desc(schema.outbox.id)).limit(limit);
  }
}
