/** API tokens (directory). */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { municipalities } from '../../platform/storage/tables.ts';
import { people } from '../staff/index.ts';

/**
 * Tokens an admin issues for a case-management system. The system acts for the municipality
 * through the JSON API; only the token's hash is stored, and it can be revoked.
 */
export const apiTokens = sqliteTable('api_tokens', {
  id: text('id').primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  municipalityId: text('municipality_id').notNull().references(() => municipalities.id),
  name: text('name').notNull(),
  createdBy: text('created_by').notNull().references(() => people.id),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
});
