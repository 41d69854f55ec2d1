import { and, eq, gt, lt, sql, type SQL } from 'drizzle-orm';
import { drizzle, type DrizzleD1Database } from 'drizzle-orm/d1';
import * as v from 'valibot';
import { Answers } from '../forms/answer.ts';
import { FormDefinition } from '../forms/schema.ts';
import { isLanguage } from '../forms/text.ts';
import * as schema from './schema.ts';
import type { Draft, Store } from './store.ts';

/** D1 allows 100 bound parameters a statement; three per value row stays well inside. */
const VALUE_ROWS_PER_INSERT = 30;

type DraftRow = typeof schema.drafts.$inferSelect;

function toDraft(row: DraftRow): Draft {
  return {
    id: row.id,
    municipalityId: row.municipalityId,
    formId: row.formId,
    formVersion: row.formVersion,
    language: isLanguage(row.language) ? row.language : 'nb',
    answers: v.parse(Answers, row.answers),
    submissionId: row.submissionId,
    status: row.status,
    reference: row.reference,
    expiresAt: row.expiresAt,
  };
}

/** A JSON path for one answer; question ids are restricted to [a-z0-9-], so quoting is safe. */
const answerPath = (questionId: string) => `$."${questionId}"`;

export class D1Store implements Store {
  private readonly db: DrizzleD1Database<typeof schema>;

  constructor(database: D1Database) {
    this.db = drizzle(database, { schema });
  }

  async recordFormVersion(form: { version: string; definition: FormDefinition }, at: Date) {
    await this.db
      .insert(schema.formVersions)
      .values({ formId: form.definition.id, version: form.version, definition: form.definition, firstUsedAt: at })
      .onConflictDoNothing();
  }

  async formVersion(formId: string, version: string) {
    const [row] = await this.db
      .select({ definition: schema.formVersions.definition })
      .from(schema.formVersions)
      .where(and(eq(schema.formVersions.formId, formId), eq(schema.formVersions.version, version)));
    return row ? v.parse(FormDefinition, row.definition) : undefined;
  }

  async createDraft({ keyHash, ...draft }: Parameters<Store['createDraft']>[0]) {
    await this.db.batch([
      this.db.insert(schema.drafts).values({ ...draft, updatedAt: draft.createdAt, status: 'open' }),
      this.db.insert(schema.draftKeys).values({ keyHash, draftId: draft.id, createdAt: draft.createdAt }),
    ]);
  }

  async draftByKey(keyHash: string) {
    const [row] = await this.db
      .select({ draft: schema.drafts })
      .from(schema.draftKeys)
      .innerJoin(schema.drafts, eq(schema.drafts.id, schema.draftKeys.draftId))
      .where(eq(schema.draftKeys.keyHash, keyHash));
    return row ? toDraft(row.draft) : undefined;
  }

  async addDraftKey(draftId: string, keyHash: string, now: Date) {
    await this.db.insert(schema.draftKeys).values({ keyHash, draftId, createdAt: now });
  }

  async draftByResumeCode(codeHash: string) {
    const [row] = await this.db.select().from(schema.drafts).where(eq(schema.drafts.resumeCodeHash, codeHash));
    return row ? toDraft(row) : undefined;
  }

  async saveAnswers(id: string, set: Answers, remove: string[], language: string, now: Date, expiresAt: Date) {
    let answers: SQL = sql`${schema.drafts.answers}`;
    for (const [questionId, value] of Object.entries(set)) {
      answers = sql`json_set(${answers}, ${answerPath(questionId)}, json(${JSON.stringify(value)}))`;
    }
    for (const questionId of remove) answers = sql`json_remove(${answers}, ${answerPath(questionId)})`;
    const result = await this.db
      .update(schema.drafts)
      .set({ answers, language, updatedAt: now, expiresAt })
      .where(and(eq(schema.drafts.id, id), eq(schema.drafts.status, 'open'), gt(schema.drafts.expiresAt, now)));
    return result.meta.changes > 0;
  }

  async setResumeCode(id: string, codeHash: string) {
    const result = await this.db
      .update(schema.drafts)
      .set({ resumeCodeHash: codeHash })
      .where(and(eq(schema.drafts.id, id), eq(schema.drafts.status, 'open')));
    return result.meta.changes > 0;
  }

  async submit(draftId: string, response: Parameters<Store['submit']>[1], keepReceiptUntil: Date) {
    const { values, ...row } = response;
    const valueInserts = [];
    for (let start = 0; start < values.length; start += VALUE_ROWS_PER_INSERT) {
      const rows = values.slice(start, start + VALUE_ROWS_PER_INSERT).map((item) => ({ responseId: response.id, ...item }));
      valueInserts.push(this.db.insert(schema.responseValues).values(rows).onConflictDoNothing());
    }
    // The draft keeps only what the receipt needs; its answers now live in the response.
    await this.db.batch([
      this.db.insert(schema.responses).values(row).onConflictDoNothing(),
      ...valueInserts,
      this.db
        .update(schema.drafts)
        .set({ status: 'submitted', answers: {}, reference: response.reference, resumeCodeHash: null, expiresAt: keepReceiptUntil })
        .where(eq(schema.drafts.id, draftId)),
    ]);
  }

  async response(id: string) {
    const [row] = await this.db.select().from(schema.responses).where(eq(schema.responses.id, id));
    if (!row) return undefined;
    return { ...row, language: isLanguage(row.language) ? row.language : 'nb', answers: v.parse(Answers, row.answers) };
  }

  async purgeExpired(now: Date) {
    await this.db.delete(schema.drafts).where(lt(schema.drafts.expiresAt, now));
  }
}
