/** A municipality's drafts, their device keys, responses and the form versions they used. */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Every form version ever used, so responses stay readable after a form changes. */
export const formVersions = sqliteTable(
  'form_versions',
  {
    formId: text('form_id').notNull(),
    version: text('version').notNull(),
    definition: text('definition', { mode: 'json' }).notNull(),
    firstUsedAt: integer('first_used_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.formId, table.version] })],
);

/** A respondent's unfinished answers; after submitting, only what the receipt needs. */
export const drafts = sqliteTable(
  'drafts',
  {
    id: text('id').primaryKey(),
    /** No foreign key: the municipality is in the directory, which may be another database. */
    municipalityId: text('municipality_id').notNull(),
    formId: text('form_id').notNull(),
    formVersion: text('form_version').notNull(),
    language: text('language').notNull(),
    answers: text('answers', { mode: 'json' }).notNull(),
    /** Counts every save: a save names the revision it read, so two devices never overwrite each other unseen. */
    revision: integer('revision').notNull().default(0),
    /** Chosen when the draft starts; becomes the response id, which makes submitting idempotent. */
    submissionId: text('submission_id').notNull().unique(),
    status: text('status', { enum: ['open', 'submitted'] }).notNull().default('open'),
    /** SHA-256 of the current resume code, if one was given out. */
    resumeCodeHash: text('resume_code_hash').unique(),
    /** The personal form link this draft was opened from, if any. */
    linkId: text('link_id'),
    /** Set when a staff member opened the form together with the child: the helper's role. */
    assistedRole: text('assisted_role'),
    reference: text('reference'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('drafts_expires_at').on(table.expiresAt)],
);

/**
 * One key per device that may open a draft. The browser holds the key in a cookie; only its
 * SHA-256 is stored, so a copy of the database cannot be used to take over a draft.
 */
export const draftKeys = sqliteTable(
  'draft_keys',
  {
    keyHash: text('key_hash').primaryKey(),
    draftId: text('draft_id').notNull().references(() => drafts.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('draft_keys_draft').on(table.draftId)],
);

export const responses = sqliteTable(
  'responses',
  {
    id: text('id').primaryKey(),
    /** What the respondent is shown on the receipt. */
    reference: text('reference').notNull().unique(),
    municipalityId: text('municipality_id').notNull(),
    formId: text('form_id').notNull(),
    formVersion: text('form_version').notNull(),
    language: text('language').notNull(),
    answers: text('answers', { mode: 'json' }).notNull(),
    /** Answered with an adult's help, and that adult's role (never their name). */
    assisted: integer('assisted', { mode: 'boolean' }).notNull().default(false),
    assistedRole: text('assisted_role'),
    /** Year and month: all an anonymous response keeps of when it came in. */
    submittedPeriod: text('submitted_period').notNull(),
    /** Exact time, only for forms that are not anonymous. */
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    /** The personal form link answered, if any: who may read the response follows from it. */
    linkId: text('link_id'),
    /** Set when the answers call for a prompt look (the form's flag rule); shown first to whoever sent the link. */
    flagged: integer('flagged', { mode: 'boolean' }).notNull().default(false),
  },
  (table) => [index('responses_form_period').on(table.municipalityId, table.formId, table.submittedPeriod)],
);

/** One row per countable answer value, so insight can be counted in SQL. */
export const responseValues = sqliteTable(
  'response_values',
  {
    responseId: text('response_id').notNull().references(() => responses.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    value: text('value').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.responseId, table.questionId, table.value] }),
    index('response_values_question').on(table.questionId, table.value),
  ],
);
