/**
 * A closed round's publication, kept in its database: suppressing a large round's whole set
 * takes long (docs/suppression.md, "Performance"), so it is done once (by the scheduled job, or
 * by the first view) and read back by every view, download and document after it.
 */
import { eq } from 'drizzle-orm';
import type { Database, Statement } from '../../platform/storage/database.ts';
import { unpacked } from './packed-tables.ts';
import type { PublishedTable } from './suppression/index.ts';
import { insightPublicationAttempts, insightPublications } from './tables.ts';

/** What a publication is published from: the same signature publishes the same figures. */
export const publicationSignature = (threshold: number, answers: number, tableIds: readonly string[]) => `${threshold}|${answers}|${tableIds.join(',')}`;

/** The round's stored tables when they were published from this signature. */
export async function storedTables(database: Database, roundId: string, signature: string): Promise<PublishedTable[] | undefined> {
  const [row] = await database.db.select().from(insightPublications).where(eq(insightPublications.roundId, roundId));
  if (!row || row.signature !== signature) return undefined;
  return unpacked(row.tables);
}

/** Whether the round's stored tables were published from this signature (without reading them). */
export async function storedSignatureIs(database: Database, roundId: string, signature: string): Promise<boolean> {
  const [row] = await database.db.select({ signature: insightPublications.signature }).from(insightPublications).where(eq(insightPublications.roundId, roundId));
  return row?.signature === signature;
}

/** Keeps the round's packed tables, replacing what was kept from another signature. */
export function storeTables(database: Database, roundId: string, signature: string, tables: string, now: Date): Statement {
  return database.db.insert(insightPublications).values({ roundId, signature, publishedAt: now, tables }).onConflictDoUpdate({ target: insightPublications.roundId, set: { signature, publishedAt: now, tables } });
}

/**
 * How long a begun publishing that stored nothing holds its round back: it was most likely
 * stopped at the CPU limit (a round too large, docs/suppression.md, "Performance"), and trying
 * again at once would only be stopped again and hold up every round behind it.
 */
export const ATTEMPT_HOLDS_MS = 24 * 3600_000;

/** Whether publishing the round from this signature began within ATTEMPT_HOLDS_MS (it may still be running, or have been stopped). */
export async function attemptHolds(database: Database, roundId: string, signature: string, now: Date): Promise<boolean> {
  const [row] = await database.db.select().from(insightPublicationAttempts).where(eq(insightPublicationAttempts.roundId, roundId));
  return !!row && row.signature === signature && now.getTime() - row.startedAt.getTime() < ATTEMPT_HOLDS_MS;
}

/** Notes that publishing the round from this signature begins now. */
export function attemptStarts(database: Database, roundId: string, signature: string, now: Date): Statement {
  return database.db
    .insert(insightPublicationAttempts)
    .values({ roundId, signature, startedAt: now })
    .onConflictDoUpdate({ target: insightPublicationAttempts.roundId, set: { signature, startedAt: now } });
}

/** Forgets an attempt that failed with an error (not stopped): the next view or run may try again at once. */
export function attemptFailed(database: Database, roundId: string): Statement {
  return database.db.delete(insightPublicationAttempts).where(eq(insightPublicationAttempts.roundId, roundId));
}
