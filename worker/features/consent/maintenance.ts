/**
 * Nightly work on consents: move every sealed value to the newest data key (rotation), remind
 * the staff member who started a consent before it lapses (once, through the outbox), and write
 * an `expired` event into the log of each consent whose time has run out.
 */
import { and, eq, gt, lte, notExists } from 'drizzle-orm';
import { reseal, type Keyring } from '../../core/sealed.ts';
import { formatDate } from '../../core/i18n/format.ts';
import { translator } from '../../core/i18n/translate.ts';
import { DAY_MS } from '../../core/vocabulary.ts';
import type { Municipality } from '../../core/municipality.ts';
import { enqueueMessage } from '../../platform/outbox/enqueue.ts';
import { outboxMessages } from '../../platform/outbox/tables.ts';
import type { Database, Statement } from '../../platform/storage/database.ts';
import { CONSENT_RULES } from './config.ts';
import { nameContext } from './present.ts';
import { privateKeyContext } from './receipt-keys.ts';
import { withdrawalCodeContext } from './receipt.ts';
import { sealContext } from './sign.ts';
import { consentEvents, consentReceiptKeys, consentReceipts, consents, consentSignatures } from './tables.ts';

/** Statements that reseal every value of the municipality not yet under the newest key. */
export async function resealConsents(database: Database, keyring: Keyring, municipalityId: string): Promise<Statement[]> {
  const { db } = database;
  const statements: Statement[] = [];
  const signatures = await db.select({ s: consentSignatures }).from(consentSignatures).innerJoin(consents, eq(consents.id, consentSignatures.consentId)).where(eq(consents.municipalityId, municipalityId));
  for (const { s } of signatures) {
    const fields = {
      sealedName: await reseal(keyring, s.sealedName, nameContext(s.id)),
      sealedChildName: await reseal(keyring, s.sealedChildName, sealContext('child_name', s.id)),
      sealedChildId: await reseal(keyring, s.sealedChildId, sealContext('child_id', s.id)),
      sealedDocument: await reseal(keyring, s.sealedDocument, sealContext('document', s.id)),
    };
    const changed = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    if (Object.keys(changed).length) statements.push(db.update(consentSignatures).set(changed).where(eq(consentSignatures.id, s.id)));
  }
  for (const receipt of await db.select().from(consentReceipts).where(eq(consentReceipts.municipalityId, municipalityId))) {
    const code = await reseal(keyring, receipt.sealedWithdrawalCode, withdrawalCodeContext(receipt.id));
    if (code) statements.push(db.update(consentReceipts).set({ sealedWithdrawalCode: code }).where(eq(consentReceipts.id, receipt.id)));
  }
  for (const key of await db.select().from(consentReceiptKeys).where(eq(consentReceiptKeys.municipalityId, municipalityId))) {
    const sealed = await reseal(keyring, key.sealedPrivateKey, privateKeyContext(key.id));
    if (sealed) statements.push(db.update(consentReceiptKeys).set({ sealedPrivateKey: sealed }).where(eq(consentReceiptKeys.id, key.id)));
  }
  return statements;
}

/** One reminder per consent lapsing within the reminder window, to the e-mail of the staff member who started it. */
export async function lapseReminders(database: Database, municipality: Municipality, emailOf: (personId: string) => Promise<string | undefined>, origin: string, now: Date): Promise<Statement[]> {
  const { db } = database;
  const soon = new Date(now.getTime() + CONSENT_RULES.remindDaysBefore * DAY_MS);
  const lapsing = await db.select().from(consents).where(and(eq(consents.municipalityId, municipality.id), gt(consents.expiresAt, now), lte(consents.expiresAt, soon)));
  const t = translator(municipality.writtenStandard);
  const statements: Statement[] = [];
  for (const consent of lapsing) {
    const subjectRef = `consent-reminder:${consent.id}`;
    const [sent] = await db.select({ id: outboxMessages.id }).from(outboxMessages).where(eq(outboxMessages.subjectRef, subjectRef)).limit(1);
    const email = !sent && (await emailOf(consent.createdBy));
    if (!email) continue;
    const body = t('consent.notice.reminderBody', { case: consent.caseReference, date: formatDate(consent.expiresAt, municipality.writtenStandard), link: `${origin}/staff/m/${municipality.id}/consents/${consent.id}` });
    statements.push(enqueueMessage(db, { municipalityId: municipality.id, channel: 'email', recipient: email, subject: t('consent.notice.reminderSubject'), body, subjectRef }, now));
  }
  return statements;
}

/**
 * One `expired` event, dated when it lapsed, for each consent past its end with none yet. The
 * state already treats a lapsed consent as expired by its date; the event puts the lapse in the
 * history that staff read, as the other events are.
 */
export async function recordExpiries(database: Database, municipalityId: string, now: Date): Promise<Statement[]> {
  const { db } = database;
  const lapsed = await db
    .select({ id: consents.id, expiresAt: consents.expiresAt })
    .from(consents)
    .where(
      and(
        eq(consents.municipalityId, municipalityId),
        lte(consents.expiresAt, now),
        notExists(db.select({ id: consentEvents.id }).from(consentEvents).where(and(eq(consentEvents.consentId, consents.id), eq(consentEvents.kind, 'expired')))),
      ),
    );
  return lapsed.map((consent) => db.insert(consentEvents).values({ consentId: consent.id, municipalityId, kind: 'expired', at: consent.expiresAt, by: 'system' }));
}
