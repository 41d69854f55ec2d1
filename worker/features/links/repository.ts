import { and, desc, eq, inArray, isNull, like, lt, or } from 'drizzle-orm';
import type { LinkVisibility } from '../../core/policy.ts';
import type { Database, Statement } from '../../platform/storage/database.ts';
import { formLinks } from './tables.ts';

export type FormLink = typeof formLinks.$inferSelect;
export type NewFormLink = typeof formLinks.$inferInsert;
export type LinkStep = 'openedAt' | 'startedAt' | 'sentAt' | 'revokedAt';

export interface LinkFilter {
  /** Undefined: every link of the municipality (admins). */
  visibleTo?: LinkVisibility;
  formId?: string;
  caseReference?: string;
}

/** A municipality's personal form links. Reads return rows; changes return statements to commit. */
export class Links {
  constructor(private readonly database: Database) {}

  private get db() {
    return this.database.db;
  }

  create(link: NewFormLink): Statement {
    return this.db.insert(formLinks).values(link);
  }

  async byId(id: string): Promise<FormLink | undefined> {
    const [row] = await this.db.select().from(formLinks).where(eq(formLinks.id, id));
    return row;
  }

  async byToken(tokenHash: string): Promise<FormLink | undefined> {
    const [row] = await this.db.select().from(formLinks).where(eq(formLinks.tokenHash, tokenHash));
    return row;
  }

  /** Newest first, at most `limit`. */
  list(municipalityId: string, filter: LinkFilter, limit: number): Promise<FormLink[]> {
    const conditions = [eq(formLinks.municipalityId, municipalityId)];
    if (filter.visibleTo) {
      const { personId, unitIds } = filter.visibleTo;
      const mine = eq(formLinks.createdBy, personId);
      conditions.push(unitIds.length ? (or(mine, inArray(formLinks.unitId, unitIds)) ?? mine) : mine);
    }
    if (filter.formId) conditions.push(eq(formLinks.formId, filter.formId));
    if (filter.caseReference) conditions.push(like(formLinks.caseReference, `%${filter.caseReference.replace(/[%_\\]/g, '')}%`));
    return this.db.select().from(formLinks).where(and(...conditions)).orderBy(desc(formLinks.createdAt)).limit(limit);
  }

  /** Records a step in the link's life once: a later statement keeps the first time. */
  mark(id: string, step: LinkStep, at: Date): Statement {
    return this.db.update(formLinks).set({ [step]: at }).where(and(eq(formLinks.id, id), isNull(formLinks[step])));
  }

  /** Ties the link to its first answer. */
  markAnswered(id: string, responseId: string, at: Date): Statement {
    return this.db.update(formLinks).set({ submittedAt: at, responseId }).where(and(eq(formLinks.id, id), isNull(formLinks.responseId)));
  }

  /** Expired links made before `before`, with the answers that came through them (deleted by the respond feature). */
  purgeOld(municipalityId: string, before: Date, now: Date): Statement {
    return this.db.delete(formLinks).where(and(eq(formLinks.municipalityId, municipalityId), lt(formLinks.createdAt, before), lt(formLinks.expiresAt, now)));
  }
}
