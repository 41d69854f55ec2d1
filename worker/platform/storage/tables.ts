/**
 * The directory's tables, in the `DB` binding: which municipalities exist, where their data
 * lives, what they publish, their units, rate-limit counters and the development mail outbox.
 * Each feature keeps its own tables beside its code (`worker/features/<name>/tables.ts`); every
 * database gets the same migrations, so any binding can hold any municipality.
 */
import { sql } from 'drizzle-orm';
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { UNIT_KINDS } from '../../core/vocabulary.ts';

export const municipalities = sqliteTable('municipalities', {
  /** A short slug used in links, for example "vest-telemark". */
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** The written standard for its documents and the default page language: nb or nn. */
  writtenStandard: text('written_standard', { enum: ['nb', 'nn'] }).notNull(),
  /** Smallest group a figure may describe in aggregated insight; never below 3. */
  suppressionThreshold: integer('suppression_threshold').notNull().default(5),
  /** Days an untouched draft is kept. */
  draftTtlDays: integer('draft_ttl_days').notNull().default(30),
  /** Months answers (and the links they came through) are kept before the nightly clean-up deletes them. */
  responseRetentionMonths: integer('response_retention_months').notNull().default(60),
  /** The D1 binding holding this municipality's drafts, responses and links. */
  database: text('database').notNull().default('DB'),
  /** Whose links (and answers) a staff member sees: only their own, or their unit's too. */
  linkVisibility: text('link_visibility', { enum: ['sender', 'unit'] }).notNull().default('unit'),
  /** The municipality's own help contact for children, shown on their pages below Alarmtelefonen. */
  helpContact: text('help_contact'),
  /** How to reach the municipality's data protection officer, named on its privacy page. */
  dpoContact: text('dpo_contact'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
});

/** Forms a municipality offers at a public address (personal links come with staff sign-in). */
export const publications = sqliteTable(
  'publications',
  {
    municipalityId: text('municipality_id').notNull().references(() => municipalities.id),
    formId: text('form_id').notNull(),
    openedAt: integer('opened_at', { mode: 'timestamp_ms' }).notNull(),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
  },
  (table) => [primaryKey({ columns: [table.municipalityId, table.formId] })],
);

/** Fixed-window counters for rate limits; the key is a hash, never an address. */
export const rateLimits = sqliteTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: integer('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (table) => [primaryKey({ columns: [table.key, table.windowStart] })],
);

export const units = sqliteTable('units', {
  id: text('id').primaryKey(),
  municipalityId: text('municipality_id').notNull().references(() => municipalities.id),
  name: text('name').notNull(),
  kind: text('kind', { enum: UNIT_KINDS }).notNull(),
  /** A phone number or address families can reach the unit at: printed in every letter, e-mail and text message it sends. */
  contact: text('contact'),
});

/** Where e-mail lands in development instead of being sent; a production build never reads it. */
export const outbox = sqliteTable('outbox', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});
