import { and, desc, eq, gt, inArray, isNull, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { drizzle, type DrizzleD1Database } from 'drizzle-orm/d1';
import * as v from 'valibot';
import { Answers } from '../../engine/answer.ts';
import { FormDefinition } from '../../engine/schema.ts';
import { isLanguage } from '../../core/language.ts';
import * as schema from './tables.ts';
import type { Draft, LinkFilter, Store } from './store.ts';

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
    linkId: row.linkId,
    assistedRole: row.assistedRole,
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
      ...(draft.linkId ? [this.markLinkQuery(draft.linkId, 'startedAt', draft.createdAt)] : []),
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
      // Only a repeat of this very submission is ignored; any other clash (a reference) fails loudly.
      this.db.insert(schema.responses).values(row).onConflictDoNothing({ target: schema.responses.id }),
      ...valueInserts,
      ...(row.linkId
        ? [
            this.db
              .update(schema.formLinks)
              .set({ submittedAt: row.submittedAt ?? new Date(), responseId: row.id })
              .where(and(eq(schema.formLinks.id, row.linkId), isNull(schema.formLinks.responseId))),
          ]
        : []),
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

  async purgeOldResponses(municipalityId: string, period: string, before: Date, now: Date) {
    await this.db.batch([
      this.db.delete(schema.responses).where(and(eq(schema.responses.municipalityId, municipalityId), lt(schema.responses.submittedPeriod, period))),
      this.db
        .delete(schema.formLinks)
        .where(and(eq(schema.formLinks.municipalityId, municipalityId), lt(schema.formLinks.createdAt, before), lt(schema.formLinks.expiresAt, now))),
    ]);
  }

  async createLink(link: typeof schema.formLinks.$inferInsert) {
    await this.db.insert(schema.formLinks).values(link);
  }

  async link(id: string) {
    const [row] = await this.db.select().from(schema.formLinks).where(eq(schema.formLinks.id, id));
    return row;
  }

  async linkByToken(tokenHash: string) {
    const [row] = await this.db.select().from(schema.formLinks).where(eq(schema.formLinks.tokenHash, tokenHash));
    return row;
  }

  async links(municipalityId: string, filter: LinkFilter, limit: number) {
    const conditions = [eq(schema.formLinks.municipalityId, municipalityId)];
    if (filter.visibleTo) {
      const { personId, unitIds } = filter.visibleTo;
      const mine = eq(schema.formLinks.createdBy, personId);
      conditions.push(unitIds.length ? (or(mine, inArray(schema.formLinks.unitId, unitIds)) ?? mine) : mine);
    }
    if (filter.formId) conditions.push(eq(schema.formLinks.formId, filter.formId));
    if (filter.caseReference) conditions.push(like(schema.formLinks.caseReference, `%${filter.caseReference.replace(/[%_\\]/g, '')}%`));
    return this.db.select().from(schema.formLinks).where(and(...conditions)).orderBy(desc(schema.formLinks.createdAt)).limit(limit);
  }

  private markLinkQuery(id: string, step: 'openedAt' | 'startedAt' | 'sentAt' | 'revokedAt', at: Date) {
    return this.db.update(schema.formLinks).set({ [step]: at }).where(and(eq(schema.formLinks.id, id), isNull(schema.formLinks[step])));
  }

  async markLink(id: string, step: 'openedAt' | 'startedAt' | 'sentAt' | 'revokedAt', at: Date) {
    await this.markLinkQuery(id, step, at);
  }

  async audit(entry: typeof schema.auditLog.$inferInsert) {
    await this.db.insert(schema.auditLog).values(entry);
  }

  async auditEntries(municipalityId: string, limit: number) {
    return this.db.select().from(schema.auditLog).where(eq(schema.auditLog.municipalityId, municipalityId)).orderBy(desc(schema.auditLog.id)).limit(limit);
  }
}
