/** Best-interests assessments, their versions and interdisciplinary meeting records (a municipality's database). */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One best-interests assessment of one case. Its content lives in its versions; this row says
 * which version is current, whether it is completed, and whether the child has been told.
 * `created_by` and `unit_id` decide who sees it, as for links.
 */
export const assessments = sqliteTable(
  'assessments',
  {
    id: text('id').primaryKey(),
    municipalityId: text('municipality_id').notNull(),
    caseReference: text('case_reference').notNull(),
    createdBy: text('created_by').notNull(),
    unitId: text('unit_id'),
    /** The child's-voice response it draws on, and the link the child answered through (where the feedback is shown). */
    responseId: text('response_id'),
    linkId: text('link_id'),
    status: text('status', { enum: ['draft', 'completed'] }).notNull(),
    /** The newest version's number, from 1. */
    version: integer('version').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
    /** The completed version whose feedback the child sees through the link, once sent. */
    feedbackVersion: integer('feedback_version'),
    feedbackSentAt: integer('feedback_sent_at', { mode: 'timestamp_ms' }),
  },
  (table) => [index('assessments_case').on(table.municipalityId, table.caseReference), index('assessments_link').on(table.linkId)],
);

/**
 * Every saved version of an assessment, never changed or deleted (triggers): its document
 * sealed, who saved it, when, and which fields changed from the version before.
 */
export const assessmentVersions = sqliteTable(
  'assessment_versions',
  {
    assessmentId: text('assessment_id').notNull(),
    number: integer('number').notNull(),
    municipalityId: text('municipality_id').notNull(),
    status: text('status', { enum: ['draft', 'completed'] }).notNull(),
    /** The answers, sealed with context `assessment_versions.document:<assessment id>/<number>`. */
    document: text('document').notNull(),
    /** Field ids and how they changed (no content), as `[{ field, change }]`. */
    changes: text('changes', { mode: 'json' }).notNull(),
    savedBy: text('saved_by').notNull(),
    savedAt: integer('saved_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.assessmentId, table.number] })],
);

/** A meeting record written by staff, referring to a child's-voice response and an assessment of the case. */
export const meetingRecords = sqliteTable(
  'meeting_records',
  {
    id: text('id').primaryKey(),
    municipalityId: text('municipality_id').notNull(),
    caseReference: text('case_reference').notNull(),
    createdBy: text('created_by').notNull(),
    unitId: text('unit_id'),
    responseId: text('response_id'),
    assessmentId: text('assessment_id'),
    /** The answers, sealed with context `meeting_records.document:<id>`. */
    document: text('document').notNull(),
    /** Counts saves; a save names the revision it read, so two people never overwrite each other unseen. */
    revision: integer('revision').notNull().default(0),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('meeting_records_case').on(table.municipalityId, table.caseReference)],
);

/**
 * Every save of a meeting record, never changed (trigger): the record as it was saved (its
 * document sealed, its references), who saved it, when, and which fields changed from the save
 * before. `number` is the record's revision that save made.
 */
export const meetingRecordVersions = sqliteTable(
  'meeting_record_versions',
  {
    meetingId: text('meeting_id').notNull(),
    number: integer('number').notNull(),
    municipalityId: text('municipality_id').notNull(),
    /** The answers, sealed with context `meeting_record_versions.document:<meeting id>/<number>`. */
    document: text('document').notNull(),
    responseId: text('response_id'),
    assessmentId: text('assessment_id'),
    /** Field ids and how they changed (no content), as `[{ field, change }]`; the references as `@response`, `@assessment`. */
    changes: text('changes', { mode: 'json' }).notNull(),
    savedBy: text('saved_by').notNull(),
    savedAt: integer('saved_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.meetingId, table.number] })],
);
