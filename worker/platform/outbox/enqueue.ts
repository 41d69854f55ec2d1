import { and, lt, ne } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { type CHANNELS, outboxMessages } from './tables.ts';

export interface NewMessage {
  municipalityId: string | null;
  channel: (typeof CHANNELS)[number];
  recipient: string;
  /** Never personal data; omitted for text messages. */
  subject?: string;
  body: string;
  /** What it is about, e.g. `link:<id>`. */
  subjectRef: string;
}

/**
 * The statement that queues one message, due at once. It is not run here: the caller puts it
 * in the same `db.batch([...])` as the change it announces and that change's audit entry, so
 * either all of them are stored or none is.
 */
export function enqueueMessage<TSchema extends Record<string, unknown>>(db: DrizzleD1Database<TSchema>, message: NewMessage, now: Date) {
  return db.insert(outboxMessages).values({ ...message, id: crypto.randomUUID(), status: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now });
}

/** How long the record of a delivered or failed message (no address, no text) is kept for staff to see. */
export const DELIVERED_KEPT_MS = 90 * 86_400_000;

/** The nightly statement that forgets messages delivered or failed long ago. */
export const purgeDelivered = <TSchema extends Record<string, unknown>>(db: DrizzleD1Database<TSchema>, now: Date) =>
  db.delete(outboxMessages).where(and(ne(outboxMessages.status, 'pending'), lt(outboxMessages.createdAt, new Date(now.getTime() - DELIVERED_KEPT_MS))));
