/** Rounds, their open links, answers and quotes. Reads return rows; changes return statements. */
import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import * as v from 'valibot';
import type { Database, Statement } from '../../platform/storage/database.ts';
import type { InsightGroup } from '../../core/vocabulary.ts';
import { LocalQuestions, RoundGroups, type Round } from './round.ts';
import { insightAnswers, insightLinks, insightPublicationAttempts, insightPublications, insightQuotes, insightRounds } from './tables.ts';

type RoundRow = typeof insightRounds.$inferSelect;
import type { RoundLink } from './published.ts';
export type { RoundLink };
export type Quote = typeof insightQuotes.$inferSelect;
export type NewRound = Round & { createdBy: string; createdAt: Date };

/** Answers read at a time when a round is counted: about a megabyte of JSON. */
const ANSWER_PAGE = 1_000;

const toRound = (row: RoundRow): Round => ({
  id: row.id,
  municipalityId: row.municipalityId,
  name: row.name,
  opensOn: row.opensOn,
  closesOn: row.closesOn,
  closedAt: row.closedAt,
  groups: v.parse(RoundGroups, row.groups),
  localQuestions: v.parse(LocalQuestions, row.localQuestions),
});

export class Rounds {
  constructor(private readonly database: Database) {}

  private get db() {
    return this.database.db;
  }

  async list(municipalityId: string): Promise<Round[]> {
    return (await this.db.select().from(insightRounds).where(eq(insightRounds.municipalityId, municipalityId)).orderBy(desc(insightRounds.opensOn))).map(toRound);
  }

  /** A round of this municipality, with its open links; anything else is undefined. */
  async byId(municipalityId: string, id: string): Promise<{ round: Round; links: RoundLink[] } | undefined> {
    const [rows, links] = await this.db.batch([
      this.db.select().from(insightRounds).where(and(eq(insightRounds.id, id), eq(insightRounds.municipalityId, municipalityId))),
      this.db.select().from(insightLinks).where(eq(insightLinks.roundId, id)).orderBy(asc(insightLinks.unitId), asc(insightLinks.group)),
    ]);
    return rows[0] ? { round: toRound(rows[0]), links } : undefined;
  }

  /** The open link behind a code, with its round. */
  async byCode(code: string): Promise<{ round: Round; link: RoundLink } | undefined> {
    const [row] = await this.db.select({ round: insightRounds, link: insightLinks }).from(insightLinks).innerJoin(insightRounds, eq(insightRounds.id, insightLinks.roundId)).where(eq(insightLinks.code, code));
    return row ? { round: toRound(row.round), link: row.link } : undefined;
  }

  /** The round a draft's open link belongs to, with the link. */
  async byLinkId(linkId: string): Promise<{ round: Round; link: RoundLink } | undefined> {
    const [row] = await this.db.select({ round: insightRounds, link: insightLinks }).from(insightLinks).innerJoin(insightRounds, eq(insightRounds.id, insightLinks.roundId)).where(eq(insightLinks.id, linkId));
    return row ? { round: toRound(row.round), link: row.link } : undefined;
  }

  create(round: NewRound, links: Omit<RoundLink, 'roundId'>[]): Statement[] {
    return [
      this.db.insert(insightRounds).values(round),
      ...links.map((link) => this.db.insert(insightLinks).values({ ...link, roundId: round.id })),
    ];
  }

  close(id: string, now: Date): Statement {
    return this.db.update(insightRounds).set({ closedAt: now }).where(eq(insightRounds.id, id));
  }

  setInvited(linkId: string, invited: number | null): Statement {
    return this.db.update(insightLinks).set({ invited }).where(eq(insightLinks.id, linkId));
  }

  async answerCount(roundId: string): Promise<number> {
    const [row] = await this.db.select({ count: sql<number>`count(*)` }).from(insightAnswers).where(eq(insightAnswers.roundId, roundId));
    return row?.count ?? 0;
  }

  /**
   * Every answer of a round, as counted (unit, group and answers: nothing else is stored), a
   * page at a time in the order they were stored, so a large round is never in memory whole.
   * The round's index holds the row ids in order, so each page is a range of it.
   */
  async *answerPages(roundId: string, size = ANSWER_PAGE) {
    for (let after = 0; ; ) {
      const page = await this.db
        .select({ at: sql<number>`rowid`, unitId: insightAnswers.unitId, group: insightAnswers.group, answers: insightAnswers.answers })
        .from(insightAnswers)
        .where(and(eq(insightAnswers.roundId, roundId), sql`rowid > ${after}`))
        .orderBy(sql`rowid`)
        .limit(size);
      if (page.length > 0) yield page;
      if (page.length < size) return;
      after = page.at(-1)!.at;
    }
  }
}

/**
 * An anonymous answer and its free-text quotes, written only while the draft they come from is
 * still open, so a repeated submit stores nothing twice: each is an insert from a select of
 * literal values on the draft's row (which the same batch then deletes). Drizzle's insert from a
 * select names every column of the table, so the empty ones are given as NULL.
 */
export function answerStatements(database: Database, draftId: string, answer: { roundId: string; unitId: string; group: InsightGroup; week: string; formId: string; formVersion: string; answers: Record<string, string> }, quotes: { questionId: string; text: string }[]): Statement[] {
  const { db } = database;
  const value = (item: string, name: string) => sql<string>`${item}`.as(name);
  const whileOpen = <T extends Record<string, SQL.Aliased<unknown>>>(fields: T) => db.select(fields).from(sql`drafts`).where(sql`id = ${draftId} AND status = 'open'`);
  return [
    db.insert(insightAnswers).select(
      whileOpen({ id: value(crypto.randomUUID(), 'id'), roundId: value(answer.roundId, 'round_id'), unitId: value(answer.unitId, 'unit_id'), group: value(answer.group, 'group'), week: value(answer.week, 'week'), formId: value(answer.formId, 'form_id'), formVersion: value(answer.formVersion, 'form_version'), answers: value(JSON.stringify(answer.answers), 'answers') }),
    ),
    ...quotes.map((quote) =>
      db.insert(insightQuotes).select(
        whileOpen({ id: value(crypto.randomUUID(), 'id'), roundId: value(answer.roundId, 'round_id'), group: value(answer.group, 'group'), questionId: value(quote.questionId, 'question_id'), text: value(quote.text, 'text'), status: value('pending', 'status'), decidedBy: sql`NULL`.as('decided_by'), decidedAt: sql`NULL`.as('decided_at') }),
      ),
    ),
  ];
}

/** The quote queue and its decisions. */
export class Quotes {
  constructor(private readonly database: Database) {}

  /** A round's quotes with a status, in a fixed but meaningless order (ids are random). */
  list(roundId: string, statuses: Quote['status'][]) {
    return this.database.db.select().from(insightQuotes).where(and(eq(insightQuotes.roundId, roundId), inArray(insightQuotes.status, statuses))).orderBy(asc(insightQuotes.id));
  }

  async byId(roundId: string, id: string): Promise<Quote | undefined> {
    const [row] = await this.database.db.select().from(insightQuotes).where(and(eq(insightQuotes.roundId, roundId), eq(insightQuotes.id, id)));
    return row;
  }

  /** Approved with the text as redacted, or rejected and its text erased: the original is not kept either way. */
  decide(id: string, decision: { status: 'approved' | 'rejected'; text: string; decidedBy: string; decidedAt: Date }): Statement {
    return this.database.db.update(insightQuotes).set(decision).where(eq(insightQuotes.id, id));
  }
}

/**
 * The retention purge: a round whose last day is before `cutoff` (YYYY-MM-DD) loses its answers,
 * its quotes, approved or not, and its stored publication (with the note of when it began). The round and its links stay, so the
 * plan can still name it.
 */
export function purgeOldRounds(database: Database, municipalityId: string, cutoff: string): Statement[] {
  const { db } = database;
  const old = db.select({ id: insightRounds.id }).from(insightRounds).where(and(eq(insightRounds.municipalityId, municipalityId), lt(insightRounds.closesOn, cutoff)));
  return [
    db.delete(insightAnswers).where(inArray(insightAnswers.roundId, old)),
    db.delete(insightQuotes).where(inArray(insightQuotes.roundId, old)),
    db.delete(insightPublications).where(inArray(insightPublications.roundId, old)),
    db.delete(insightPublicationAttempts).where(inArray(insightPublicationAttempts.roundId, old)),
  ];
}
