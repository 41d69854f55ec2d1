/** The audit log, in every database: a municipality's changes beside them, directory changes in the directory. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { AUDIT_ACTIONS } from '../../core/vocabulary.ts';

/** Who saw or changed what, and when. Append-only: triggers refuse updates and deletes. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    municipalityId: text('municipality_id').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    personId: text('person_id').notNull(),
    /** A code of `AUDIT_ACTIONS`; the type keeps every code the product writes in the vocabulary. */
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    via: text('via', { enum: ['web', 'api'] }).notNull(),
  },
  (table) => [index('audit_log_municipality_at').on(table.municipalityId, table.at)],
);
