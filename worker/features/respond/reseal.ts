/**
 * Key rotation for answers: the statements that reseal, under the newest data key, every
 * sealed response and draft of a municipality still sealed under an older one.
 */
import { and, eq, not, like } from 'drizzle-orm';
import { reseal, type Keyring } from '../../core/sealed.ts';
import type { Database, Statement } from '../../platform/storage/database.ts';
import { answersContext, draftAnswersContext } from './answers-context.ts';
import { drafts, responses } from './tables.ts';

export async function resealAnswers(database: Database, keyring: Keyring, municipalityId: string): Promise<Statement[]> {
  const { db } = database;
  // A sealed value is stored as a JSON string `"v1.<key id>.…"`; plain answers are a JSON object.
  const current = `"v1.${keyring.current}.%`;
  const sealedOld = (column: typeof responses.answers | typeof drafts.answers) => and(like(column, '"v1.%'), not(like(column, current)));
  const statements: Statement[] = [];
  for (const row of await db.select({ id: responses.id, answers: responses.answers }).from(responses).where(and(eq(responses.municipalityId, municipalityId), sealedOld(responses.answers)))) {
    const sealed = await reseal(keyring, row.answers as string, answersContext(row.id));
    if (sealed) statements.push(db.update(responses).set({ answers: sealed }).where(eq(responses.id, row.id)));
  }
  for (const row of await db.select({ id: drafts.id, answers: drafts.answers }).from(drafts).where(and(eq(drafts.municipalityId, municipalityId), sealedOld(drafts.answers)))) {
    const sealed = await reseal(keyring, row.answers as string, draftAnswersContext(row.id));
    // Only if the child has not saved meanwhile (the revision guards saving, the text guards this).
    if (sealed) statements.push(db.update(drafts).set({ answers: sealed }).where(and(eq(drafts.id, row.id), eq(drafts.answers, row.answers))));
  }
  return statements;
}
