/** Reviews of child's-voice responses and the municipality's case settings (a municipality's database). */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** "Reviewed" marks on a response: events, never changed (who, when). */
export const responseReviews = sqliteTable(
  'response_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    municipalityId: text('municipality_id').notNull(),
    responseId: text('response_id').notNull(),
    reviewedBy: text('reviewed_by').notNull(),
    reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('response_reviews_response').on(table.responseId)],
);

/** Per municipality: within how many working days a flagged response must be reviewed (2 without a row). */
export const caseSettings = sqliteTable('case_settings', {
  municipalityId: text('municipality_id').primaryKey(),
  flagReviewWorkingDays: integer('flag_review_working_days').notNull().default(2),
});
