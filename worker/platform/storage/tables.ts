/**
 * The data model. The directory tables (municipalities, publications, rate limits) live in the
 * `DB` binding; a municipality's own data (drafts, responses, form versions) lives in the
 * binding its `database` column names, which may be `DB` too. Every database gets the same
 * migrations, so any binding can hold any municipality.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { RESPONDENTS, ROLES, UNIT_KINDS } from '../../core/vocabulary.ts';

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
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
});

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

/* ---------- Personal form links and the audit log (municipality's database) ---------- */

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

/** Who saw or changed what, and when. Append-only: triggers refuse updates and deletes. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    municipalityId: text('municipality_id').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    personId: text('person_id').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    via: text('via', { enum: ['web', 'api'] }).notNull(),
  },
  (table) => [index('audit_log_municipality_at').on(table.municipalityId, table.at)],
);

/* ---------- Staff (directory) ---------- */

export const units = sqliteTable('units', {
  id: text('id').primaryKey(),
  municipalityId: text('municipality_id').notNull().references(() => municipalities.id),
  name: text('name').notNull(),
  kind: text('kind', { enum: UNIT_KINDS }).notNull(),
});

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

/** Where e-mail lands in development instead of being sent; a production build never reads it. */
export const outbox = sqliteTable('outbox', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});
