/** Personal form links (a municipality's database). */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { RESPONDENTS } from '../../core/vocabulary.ts';

/**
 * A link a staff member sends to one child or guardian. Only the token's hash is stored, so
 * the link itself is shown once, when it is made. `case_reference` is the sender's own
 * pseudonymous reference, never a name.
 */
export const formLinks = sqliteTable(
  'form_links',
  {
    id: text('id').primaryKey(),
    municipalityId: text('municipality_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    formId: text('form_id').notNull(),
    language: text('language').notNull(),
    respondent: text('respondent', { enum: RESPONDENTS }).notNull(),
    caseReference: text('case_reference').notNull(),
    createdBy: text('created_by').notNull(),
    unitId: text('unit_id'),
    singleUse: integer('single_use', { mode: 'boolean' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    openedAt: integer('opened_at', { mode: 'timestamp_ms' }),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    responseId: text('response_id'),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (table) => [index('form_links_municipality_created').on(table.municipalityId, table.createdAt), index('form_links_case').on(table.municipalityId, table.caseReference)],
);
