/**
 * User-insight rounds, their open links and their anonymous answers, in the municipality's
 * database. An answer keeps its round, unit, group and ISO week, and nothing else about who,
 * when or on what device: no time, address, draft or key.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { INSIGHT_GROUPS } from '../../core/vocabulary.ts';

export const insightRounds = sqliteTable(
  'insight_rounds',
  {
    id: text('id').primaryKey(),
    /** No foreign key: the municipality is in the directory, which may be another database. */
    municipalityId: text('municipality_id').notNull(),
    name: text('name').notNull(),
    /** First and last day answers are taken (YYYY-MM-DD, Norwegian time). */
    opensOn: text('opens_on').notNull(),
    closesOn: text('closes_on').notNull(),
    /** Set when a planner closes the round; results are shown only for closed rounds. */
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    /** Each group asked, with the survey form it answers: [{ group, form }]. */
    groups: text('groups', { mode: 'json' }).notNull(),
    /** Up to five questions of the municipality's own, in its written standard and English. */
    localQuestions: text('local_questions', { mode: 'json' }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('insight_rounds_municipality').on(table.municipalityId, table.opensOn)],
);

/** One open link per unit and group: the code on the poster and in the QR code. */
export const insightLinks = sqliteTable(
  'insight_links',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id').notNull().references(() => insightRounds.id, { onDelete: 'cascade' }),
    /** A directory unit, without a foreign key (the directory may be another database). */
    unitId: text('unit_id').notNull(),
    group: text('group', { enum: INSIGHT_GROUPS }).notNull(),
    code: text('code').notNull().unique(),
    /** How many the planner invited in this unit and group, for the response rate. */
    invited: integer('invited'),
  },
  (table) => [index('insight_links_round').on(table.roundId)],
);

/** Anonymous answers: the counted answers only (free text goes to the quote queue, unlinked). */
export const insightAnswers = sqliteTable(
  'insight_answers',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id').notNull().references(() => insightRounds.id, { onDelete: 'cascade' }),
    unitId: text('unit_id').notNull(),
    group: text('group', { enum: INSIGHT_GROUPS }).notNull(),
    /** ISO week (2026-W49): all an answer keeps of when it came in. */
    week: text('week').notNull(),
    formId: text('form_id').notNull(),
    formVersion: text('form_version').notNull(),
    answers: text('answers', { mode: 'json' }).notNull(),
  },
  (table) => [index('insight_answers_round').on(table.roundId)],
);

/**
 * Free-text answers waiting for a planner: approved (perhaps redacted) ones may be quoted on
 * the dashboard. Stored apart from the counted answers, so a quote cannot be matched to them.
 */
export const insightQuotes = sqliteTable(
  'insight_quotes',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id').notNull().references(() => insightRounds.id, { onDelete: 'cascade' }),
    group: text('group', { enum: INSIGHT_GROUPS }).notNull(),
    questionId: text('question_id').notNull(),
    /** The answer as written; once approved, as the planner redacted it; once rejected, erased. */
    text: text('text').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] }).notNull().default('pending'),
    decidedBy: text('decided_by'),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
  },
  (table) => [index('insight_quotes_round').on(table.roundId, table.status)],
);

/**
 * A closed round's whole set of tables as published (hidden figures are not in it), kept so no
 * view suppresses the set again. `signature` names what it was published from (threshold,
 * answer count, tables); a view whose signature differs publishes anew and replaces it.
 */
export const insightPublications = sqliteTable('insight_publications', {
  roundId: text('round_id')
    .primaryKey()
    .references(() => insightRounds.id, { onDelete: 'cascade' }),
  signature: text('signature').notNull(),
  publishedAt: integer('published_at', { mode: 'timestamp_ms' }).notNull(),
  /** The published tables as JSON, gzip-compressed and in base64: a large round's run to megabytes as text. */
  tables: text('tables').notNull(),
});

/**
 * When publishing a round from a signature last began. A run stopped at its CPU limit stores
 * nothing and cannot say so: this row, with no stored publication of the same signature, is how
 * the next run knows, and leaves that round for later instead of being stopped on it again.
 */
export const insightPublicationAttempts = sqliteTable('insight_publication_attempts', {
  roundId: text('round_id')
    .primaryKey()
    .references(() => insightRounds.id, { onDelete: 'cascade' }),
  signature: text('signature').notNull(),
  startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
});
