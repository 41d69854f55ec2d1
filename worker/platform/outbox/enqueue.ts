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
