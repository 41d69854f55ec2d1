import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { asDeliveryError, DeliveryError } from './errors.ts';
import type { Providers } from './providers.ts';
import { type OutboxMessage, outboxMessages as messages } from './tables.ts';

const MINUTE = 60_000;
/** The wait after the first, second, … failed try; a failure after the last wait is final. */
export const RETRY_DELAYS_MS = [1, 5, 30, 120, 720].map((minutes) => minutes * MINUTE);
/**
 * How long a claimed message is held by its deliverer. Providers time out long before, so only
 * a deliverer that died lets a message go to the next one.
 */
const LEASE_MS = 10 * MINUTE;

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

/** Sends one message through its channel's provider; what went wrong, if anything. */
async function attempt({ channel, recipient, subject, body }: OutboxMessage, providers: Providers): Promise<DeliveryError | undefined> {
  const notConfigured = new DeliveryError('not-configured', false);
  try {
    if (recipient === null || body === null) return new DeliveryError('erased', false);
    if (channel === 'email') {
      if (!providers.email) return notConfigured;
      await providers.email.send({ to: recipient, subject: subject ?? '', text: body });
    } else {
      if (!providers.sms) return notConfigured;
      await providers.sms.send({ to: recipient, text: body });
    }
  } catch (error) {
    return asDeliveryError(error, `${channel}-error`);
  }
  return undefined;
}

/**
 * Sends up to `limit` due messages of one database. Each is claimed first, so two deliverers
 * running at once (the minute cron and a request's `deliverSoon`) never send the same message;
 * a sent or finally failed message loses its recipient and body.
 */
export async function deliverPending(database: D1Database, providers: Providers, now: Date, limit = 25): Promise<DeliveryReport> {
  const db = drizzle(database);
  const due = and(eq(messages.status, 'pending'), lte(messages.nextAttemptAt, now));
  // One statement claims them all; SQLite runs it alone, so a concurrent claim finds these rows leased and skips them.
  const claimed = await db
    .update(messages)
    .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS), attempts: sql`${messages.attempts} + 1` })
    .where(and(due, inArray(messages.id, db.select({ id: messages.id }).from(messages).where(due).orderBy(messages.nextAttemptAt).limit(limit))))
    .returning();
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  for (const message of claimed) {
    const error = await attempt(message, providers);
    const retry = error?.transient ? RETRY_DELAYS_MS[message.attempts - 1] : undefined;
    // Only while the claim is still ours: attempts would have moved on had the lease run out.
    const ours = and(eq(messages.id, message.id), eq(messages.attempts, message.attempts), eq(messages.status, 'pending'));
    if (!error) {
      await db.update(messages).set({ status: 'sent', sentAt: now, recipient: null, body: null, lastError: null }).where(ours);
      report.sent++;
    } else if (retry !== undefined) {
      await db.update(messages).set({ nextAttemptAt: new Date(now.getTime() + retry), lastError: error.code }).where(ours);
      report.retrying++;
    } else {
      await db.update(messages).set({ status: 'failed', recipient: null, body: null, lastError: error.code }).where(ours);
      report.failed++;
    }
  }
  return report;
}

export type MessageStatus = Pick<OutboxMessage, 'channel' | 'status' | 'attempts' | 'lastError' | 'createdAt' | 'sentAt'>;

/** For each subject reference (e.g. `link:<id>`), its latest message, for staff pages. */
export async function messageStatusFor(database: D1Database, subjectRefs: readonly string[]): Promise<Map<string, MessageStatus>> {
  const latest = new Map<string, MessageStatus>();
  if (!subjectRefs.length) return latest;
  const rows = await drizzle(database)
    .select({
      subjectRef: messages.subjectRef,
      channel: messages.channel,
      status: messages.status,
      attempts: messages.attempts,
      lastError: messages.lastError,
      createdAt: messages.createdAt,
      sentAt: messages.sentAt,
    })
    .from(messages)
    // One bound parameter however many references: D1 allows 100 a statement.
    .where(sql`${messages.subjectRef} IN (SELECT value FROM json_each(${JSON.stringify(subjectRefs)}))`)
    .orderBy(desc(messages.createdAt), desc(sql`rowid`));
  for (const { subjectRef, ...status } of rows) if (!latest.has(subjectRef)) latest.set(subjectRef, status);
  return latest;
}
