import { desc } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import * as schema from '../storage/tables.ts';
import type { Mail, Mailer } from './mailer.ts';

/**
 * Development only: mail is stored in the outbox table and printed to the console, and the
 * outbox page shows it. `mailerFor` refuses this provider in production.
 */
export class OutboxMailer implements Mailer {
  constructor(private readonly database: D1Database) {}

  async send(mail: Mail) {
    await drizzle(this.database, { schema }).insert(schema.outbox).values({ to: mail.to, subject: mail.subject, body: mail.text, createdAt: new Date() });
    console.log(`[outbox] to ${mail.to}: ${mail.subject}\n${mail.text}\n`);
  }

  async latest(limit = 20) {
    return drizzle(this.database, { schema }).select().from(schema.outbox).orderBy(desc(schema.outbox.id)).limit(limit);
  }
}
