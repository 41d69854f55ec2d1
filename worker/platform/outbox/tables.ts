/**
 * Messages waiting to be sent, in the database of the data they are about (a link's message
 * in its municipality's database, a sign-in mail in `DB`), so the change that causes a
 * message and the message itself are written in one batch.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const CHANNELS = ['email', 'sms'] as const;
export const MESSAGE_STATUSES = ['pending', 'sent', 'failed'] as const;

export const outboxMessages = sqliteTable(
  'outbox_messages',
  {
    id: text('id').primaryKey(),
    /** Null for messages about no one municipality, such as a staff sign-in link. */
    municipalityId: text('municipality_id'),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    /**
     * The address or number. Kept only until the message is sent or finally failed, then
     * erased, so the product still stores no addresses beyond sending.
     */
    recipient: text('recipient'),
    /** Never personal data; null for text messages. */
    subject: text('subject'),
    /** Erased with the recipient: it carries a link's token, which is otherwise kept only as a hash. */
    body: text('body'),
    /** What the message is about, e.g. `link:<id>`, so staff can see whether it went out. */
    subjectRef: text('subject_ref').notNull(),
    status: text('status', { enum: MESSAGE_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** When a pending message is next due; while a deliverer holds it, the end of its lease. */
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    /** A short code such as `ses-429` or `not-configured`; never personal data. */
    lastError: text('last_error'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (table) => [index('outbox_messages_due').on(table.status, table.nextAttemptAt), index('outbox_messages_subject').on(table.subjectRef, table.createdAt)],
);

export type OutboxMessage = typeof outboxMessages.$inferSelect;
