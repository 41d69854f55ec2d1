/** Consents for interdisciplinary cooperation (a municipality's database). */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { EVENT_KINDS, SIGNER_ROLES, SIGNER_SCOPES } from './vocabulary.ts';
import type { Service } from './services.ts';

/** The municipality's list of services, one row per version: a consent names the version it was started on. */
export const consentServiceLists = sqliteTable(
  'consent_service_lists',
  {
    municipalityId: text('municipality_id').notNull(),
    version: integer('version').notNull(),
    services: text('services', { mode: 'json' }).$type<Service[]>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.municipalityId, table.version] })],
);

/**
 * One consent for one case: which services it asks about (copied from the list version, so
 * a later edit of the list changes nothing here), who must sign, and when it lapses. The
 * case reference is the staff member's pseudonymous reference, never a name.
 */
export const consents = sqliteTable(
  'consents',
  {
    id: text('id').primaryKey(),
    municipalityId: text('municipality_id').notNull(),
    caseReference: text('case_reference').notNull(),
    serviceListVersion: integer('service_list_version').notNull(),
    services: text('services', { mode: 'json' }).$type<Service[]>().notNull(),
    childAge: integer('child_age').notNull(),
    createdBy: text('created_by').notNull(),
    unitId: text('unit_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    /** The staff member who collected the consent and countersigned it. */
    countersignedBy: text('countersigned_by'),
    countersignedAt: integer('countersigned_at', { mode: 'timestamp_ms' }),
  },
  (table) => [index('consents_case').on(table.municipalityId, table.caseReference)],
);

/** Who must sign (or, for a child from 12, whose view is recorded), each through their own personal link. */
export const consentSigners = sqliteTable('consent_signers', {
  id: text('id').primaryKey(),
  consentId: text('consent_id').notNull().references(() => consents.id),
  role: text('role', { enum: SIGNER_ROLES }).notNull(),
  scope: text('scope', { enum: SIGNER_SCOPES }).notNull(),
  /** 1 or 2 for guardians, so staff can tell them apart without a name. */
  ordinal: integer('ordinal').notNull(),
  /** The personal link (features/links) that only this signer signs through. */
  linkId: text('link_id').unique(),
});

/**
 * One signature: the signer's typed name and the child's name and national ID sealed, the
 * SHA-256 of exactly the text and choices shown, and that document itself (sealed), so the
 * receipt's PDF shows what was signed, not what the form says today.
 */
export const consentSignatures = sqliteTable('consent_signatures', {
  id: text('id').primaryKey(),
  consentId: text('consent_id').notNull().references(() => consents.id),
  signerId: text('signer_id').notNull().unique().references(() => consentSigners.id),
  method: text('method').notNull(),
  sealedName: text('sealed_name').notNull(),
  sealedChildName: text('sealed_child_name').notNull(),
  sealedChildId: text('sealed_child_id').notNull(),
  childIdHash: text('child_id_hash').notNull(),
  sealedDocument: text('sealed_document').notNull(),
  textHash: text('text_hash').notNull(),
  language: text('language').notNull(),
  signedAt: integer('signed_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * The consent's history, append-only (triggers refuse UPDATE and DELETE), as Altinn keeps its
 * consent log: the state is computed from these rows, never stored beside them.
 */
export const consentEvents = sqliteTable(
  'consent_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    consentId: text('consent_id').notNull().references(() => consents.id),
    municipalityId: text('municipality_id').notNull(),
    kind: text('kind', { enum: EVENT_KINDS }).notNull(),
    signerId: text('signer_id'),
    /** The service the event is about; null for the whole consent. */
    service: text('service'),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** Who recorded it: `signer:<id>`, or the staff member's person id. */
    by: text('by').notNull(),
    note: text('note'),
    /** On `declined`: the signer answered "not relevant for us" rather than no. */
    notRelevant: integer('not_relevant', { mode: 'boolean' }).notNull().default(false),
    subject: text('subject'),
    periodFrom: integer('period_from', { mode: 'timestamp_ms' }),
    periodUntil: integer('period_until', { mode: 'timestamp_ms' }),
    signatureId: text('signature_id'),
  },
  (table) => [index('consent_events_consent').on(table.consentId, table.id)],
);

export type ConsentEventRow = typeof consentEvents.$inferSelect;
export type NewConsentEvent = typeof consentEvents.$inferInsert;
export type ConsentRow = typeof consents.$inferSelect;
export type ConsentSignerRow = typeof consentSigners.$inferSelect;

/**
 * The municipality's Ed25519 key pairs for signing consent receipts. The private key is sealed
 * (core/sealed.ts); a retired key is kept, with its public half published, so old receipts
 * still verify.
 */
export const consentReceiptKeys = sqliteTable('consent_receipt_keys', {
  id: text('id').primaryKey(),
  municipalityId: text('municipality_id').notNull(),
  /** The raw public key, base64url (the JWK `x`). */
  publicKey: text('public_key').notNull(),
  sealedPrivateKey: text('sealed_private_key').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  retiredAt: integer('retired_at', { mode: 'timestamp_ms' }),
});

/** A signer's consent receipt: the signed JSON as issued, and the withdrawal code printed on it. */
export const consentReceipts = sqliteTable('consent_receipts', {
  id: text('id').primaryKey(),
  consentId: text('consent_id').notNull().references(() => consents.id),
  signatureId: text('signature_id').notNull().unique().references(() => consentSignatures.id),
  signerId: text('signer_id').notNull(),
  municipalityId: text('municipality_id').notNull(),
  keyId: text('key_id').notNull(),
  /** The canonical JSON that was signed, exactly. */
  payload: text('payload').notNull(),
  signature: text('signature').notNull(),
  /** Keyed hash of the withdrawal code, to find the receipt by it; the code itself sealed, to print again. */
  withdrawalCodeHash: text('withdrawal_code_hash').notNull().unique(),
  sealedWithdrawalCode: text('sealed_withdrawal_code').notNull(),
  issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
});
export type ConsentReceiptRow = typeof consentReceipts.$inferSelect;
export type ConsentReceiptKeyRow = typeof consentReceiptKeys.$inferSelect;
