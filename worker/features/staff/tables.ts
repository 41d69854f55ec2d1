/** People, their roles per municipality, identity providers, sign-in tokens and sessions (directory). */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../../core/vocabulary.ts';
import { municipalities, units } from '../../platform/storage/tables.ts';

/** A staff member, planner or admin; one row per person however many municipalities they serve. */
export const people = sqliteTable('people', {
  id: text('id').primaryKey(),
  /** Lower-cased; the sign-in address. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * A role in one municipality. Staff of an inter-municipal service have a membership in each
 * municipality the service covers, and so work across exactly those.
 */
export const memberships = sqliteTable(
  'memberships',
  {
    personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    municipalityId: text('municipality_id').notNull().references(() => municipalities.id),
    role: text('role', { enum: ROLES }).notNull(),
    unitId: text('unit_id').references(() => units.id),
    /**
     * Granted by the municipality to an admin: reads every answer there, not only those the
     * visibility rule shows them. Kept alike on each of the person's rows in the municipality.
     */
    readsAnswers: integer('reads_answers', { mode: 'boolean' }).notNull().default(false),
  },
  (table) => [primaryKey({ columns: [table.personId, table.municipalityId, table.role] }), index('memberships_municipality').on(table.municipalityId)],
);

/**
 * A municipality's own identity provider (Entra ID, ID-porten, …) for staff sign-in. The client
 * secret is never stored here: `client_secret_name` names the Worker secret that holds it.
 */
export const oidcProviders = sqliteTable('oidc_providers', {
  municipalityId: text('municipality_id').primaryKey().references(() => municipalities.id),
  /** Shown on the sign-in button, e.g. "Entra ID". */
  label: text('label').notNull(),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  clientSecretName: text('client_secret_name').notNull(),
  /** The ID-token claim holding the work e-mail address that matches a person. */
  emailClaim: text('email_claim').notNull().default('email'),
});

/** E-mailed sign-in links: single use, short-lived, stored as hashes. */
export const signInTokens = sqliteTable('sign_in_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }),
});

/** Server-side sessions; the cookie holds a 256-bit id, the table only its hash. */
export const sessions = sqliteTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    /** The absolute end, however active the session is. */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('sessions_person').on(table.personId)],
);
