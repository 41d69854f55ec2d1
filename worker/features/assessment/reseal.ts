/**
 * Key rotation for meeting records: reseal each one still under an older data key. Assessment
 * versions are never changed (a trigger refuses it), so the keys that sealed them stay in
 * `DATA_KEYS` for as long as those versions are kept.
 */
import { and, eq, not, like } from 'drizzle-orm';
import { reseal, type Keyring } from '../../core/sealed.ts';
import type { Database, Statement } from '../../platform/storage/database.ts';
import { meetingContext } from './sealed-document.ts';
import { meetingRecords } from './tables.ts';

export async function resealMeetingRecords(database: Database, keyring: Keyring, municipalityId: string): Promise<Statement[]> {
  const { db } = database;
  const old = await db
    .select({ id: meetingRecords.id, document: meetingRecords.document })
    .from(meetingRecords)
    .where(and(eq(meetingRecords.municipalityId, municipalityId), not(like(meetingRecords.document, `v1.${keyring.current}.%`))));
  const statements: Statement[] = [];
  for (const row of old) {
    const sealed = await reseal(keyring, row.document, meetingContext(row.id));
    if (sealed) statements.push(db.update(meetingRecords).set({ document: sealed }).where(and(eq(meetingRecords.id, row.id), eq(meetingRecords.document, row.document))));
  }
  return statements;
}
