import { and, eq, gt, inArray, lt, sql, type Placeholder, type SQL } from 'drizzle-orm';
import * as v from 'valibot';
import { isLanguage, type Language } from '../../core/language.ts';
import { Answers } from '../../engine/answer.ts';
import { FormDefinition, type CompiledForm } from '../../engine/schema.ts';
import { changedRows, type Database, type Statement } from '../../platform/storage/database.ts';
import { once, preparedQuery, type Bound } from '../../platform/storage/prepared.ts';
import { withRetry } from '../../platform/storage/retry.ts';
import { withinLimit, type PendingHit } from '../../platform/storage/rate-limits.ts';
import { open, seal, SealedValueError, type Keyring } from '../../core/sealed.ts';
import { answersContext, draftAnswersContext } from './answers-context.ts';
import { formLinks, Links, type FormLink } from '../links/index.ts';
import { draftKeys, drafts, formVersions, responses, responseValues } from './tables.ts';


/** The answers as stored: sealed for a form that is not anonymous (there they identify a child), as they are otherwise. */
export const storedAnswers = async (response: Pick<NewResponse, 'id' | 'answers'>, keyring: Keyring | undefined) =>
  keyring ? seal(keyring, JSON.stringify(response.answers), answersContext(response.id)) : response.answers;

/** D1 allows 100 bound parameters a statement; three per value row stays well inside. */
const VALUE_ROWS_PER_INSERT = 30;
/** How often a save is tried again when another device saved the same draft in between. */
const SAVE_ATTEMPTS = 4;

type DraftRow = typeof drafts.$inferSelect;

export interface Draft {
  id: string;
  municipalityId: string;
  formId: string;
  formVersion: string;
  language: Language;
  answers: Answers;
  /** Counts saves; a save names the revision it read. */
  revision: number;
  submissionId: string;
  status: 'open' | 'submitted';
  reference: string | null;
  expiresAt: Date;
  /** The personal form link this draft came from, if any. */
  linkId: string | null;
  /** The helper's role, when a staff member answers together with the child. */
  assistedRole: string | null;
  /** The open link of a user-insight round it came from, if any. */
  roundLinkId: string | null;
  /** After submitting: whether the answers were flagged, so the receipt gives the help line first. */
  flagged: boolean;
}

export type NewDraft = Omit<Draft, 'status' | 'reference' | 'linkId' | 'assistedRole' | 'revision' | 'roundLinkId' | 'flagged'> & { createdAt: Date; keyHash: string; linkId?: string; assistedRole?: string | null; roundLinkId?: string };

export interface NewResponse {
  id: string;
  reference: string;
  municipalityId: string;
  formId: string;
  formVersion: string;
  language: Language;
  answers: Answers;
  /** Countable values per question, for aggregation. */
  values: { questionId: string; value: string }[];
  submittedPeriod: string;
  submittedAt: Date | null;
  linkId: string | null;
  assisted: boolean;
  assistedRole: string | null;
  /** Some answer signals that the respondent may not be safe (`isFlagged`). */
  flagged: boolean;
}

export type StoredResponse = Omit<NewResponse, 'values'>;

/** A response as listed on a case page: when, through which link, and whether it was flagged; no answers. */
export interface ResponseSummary {
  id: string;
  reference: string;
  municipalityId: string;
  formId: string;
  language: string;
  assisted: boolean;
  submittedAt: Date | null;
  linkId: string | null;
  flagged: boolean;
}

/** Answers set and removed by one save, and what the save renews. `sealed`: the document is stored sealed (an identifiable form). */
export interface DraftChange {
  set: Answers;
  remove: string[];
  language: Language;
  now: Date;
  expiresAt: Date;
  sealed: boolean;
}

const savedAs = (draft: Draft, answers: Answers, { language, expiresAt }: DraftChange): Draft => ({ ...draft, answers, revision: draft.revision + 1, language, expiresAt });

/** What one journey request needs from the municipality's database, read in one round trip. */
export interface JourneyRead {
  draft?: Draft;
  /** The personal link the draft came from. */
  link?: FormLink;
  /** The rate-limit count, when the read carried a hit. */
  hits?: number;
}

/**
 * Opens the keyring only when needed: a draft of an identifiable form holds its answers sealed,
 * an anonymous one (and an empty, just started one) plainly, so anonymous surveys never need keys.
 */
export type KeyringSource = () => Promise<Keyring>;

async function toDraft(row: DraftRow, keys: KeyringSource | undefined): Promise<Draft> {
  if (typeof row.answers === 'string' && !keys) throw new SealedValueError('a sealed draft needs the keyring');
  const answers = typeof row.answers === 'string' ? JSON.parse(await open(await keys!(), row.answers, draftAnswersContext(row.id))) : row.answers;
  return {
    id: row.id,
    municipalityId: row.municipalityId,
    formId: row.formId,
    formVersion: row.formVersion,
    language: isLanguage(row.language) ? row.language : 'nb',
    answers: v.parse(Answers, answers),
    revision: row.revision,
    submissionId: row.submissionId,
    status: row.status,
    reference: row.reference,
    expiresAt: row.expiresAt,
    linkId: row.linkId,
    assistedRole: row.assistedRole,
    roundLinkId: row.roundLinkId,
    flagged: row.flagged,
  };
}

/** The placeholder for a device key's hash, bound per request. */
const byKeyHash = sql.placeholder('keyHash');

/** The id of the draft a device key opens, as a subquery. */
const draftOfKey = (db: Database['db'], keyHash: string | Placeholder) => db.select({ id: draftKeys.draftId }).from(draftKeys).where(eq(draftKeys.keyHash, keyHash));

/** The draft a device key opens. */
const draftByKey = preparedQuery<{ keyHash: string }, DraftRow[]>((db) =>
  db.select().from(drafts).where(inArray(drafts.id, draftOfKey(db, byKeyHash))).prepare(),
);

/** The personal link of the draft a device key opens. (Not a join: in a D1 batch, columns of the same name would collide.) */
const linkOfKey = preparedQuery<{ keyHash: string }, FormLink[]>((db) =>
  db
    .select()
    .from(formLinks)
    .where(inArray(formLinks.id, db.select({ linkId: drafts.linkId }).from(draftKeys).innerJoin(drafts, eq(drafts.id, draftKeys.draftId)).where(eq(draftKeys.keyHash, byKeyHash))))
    .prepare(),
);

/**
 * Drafts and their device keys. The answers are one document: no statement reaches inside them.
 * With `keys`, sealed drafts can be read and `saveAnswers` may seal.
 */
export class Drafts {
  constructor(
    private readonly database: Database,
    private readonly keys?: KeyringSource,
  ) {}

  private get db() {
    return this.database.db;
  }

  /**
   * The draft a device key opens, with its personal link, and (for a POST) the rate-limit hit
   * counted in the same round trip.
   */
  async forJourney(keyHash: string | undefined, hit?: Bound<{ count: number }[]>): Promise<JourneyRead> {
    if (!keyHash && !hit) return {};
    const key = { keyHash: keyHash ?? '' };
    let found: [DraftRow[], FormLink[]];
    let hits: number | undefined;
    if (hit) {
      const [counted, ...rest] = await this.database.run([hit, draftByKey(this.db, key), linkOfKey(this.db, key)]);
      hits = counted[0]?.count ?? 1;
      found = rest;
    } else {
      found = await this.database.run([draftByKey(this.db, key), linkOfKey(this.db, key)]);
    }
    const row = keyHash ? found[0][0] : undefined;
    return { draft: row ? await toDraft(row, this.keys) : undefined, link: row ? found[1][0] : undefined, hits };
  }

  async byKey(keyHash: string): Promise<Draft | undefined> {
    return (await this.forJourney(keyHash)).draft;
  }

  async byResumeCode(codeHash: string): Promise<Draft | undefined> {
    const [row] = await this.db.select().from(drafts).where(eq(drafts.resumeCodeHash, codeHash));
    return row ? toDraft(row, this.keys) : undefined;
  }

  /** A new draft with this device's key; a draft from a personal link marks the link started. */
  create({ keyHash, ...draft }: NewDraft): Statement[] {
    return [
      this.db.insert(drafts).values({ ...draft, updatedAt: draft.createdAt, status: 'open' }),
      this.db.insert(draftKeys).values({ keyHash, draftId: draft.id, createdAt: draft.createdAt }),
      ...(draft.linkId ? [new Links(this.database).mark(draft.linkId, 'startedAt', draft.createdAt)] : []),
    ];
  }

  /** This device no longer opens the draft ("not you? start again"); the draft itself stays. */
  removeKey(keyHash: string): Statement {
    return this.db.delete(draftKeys).where(eq(draftKeys.keyHash, keyHash));
  }

  /** Lets one more device open the draft (after it gave the resume code). */
  addKey(draftId: string, keyHash: string, now: Date): Statement {
    return this.db.insert(draftKeys).values({ keyHash, draftId, createdAt: now });
  }

  /**
   * Sets and removes the named answers. The whole document is written, guarded by the revision
   * it was read at; if another device saved in between, the change is applied again to what
   * that device saved, so two devices saving different pages never undo each other. The draft
   * as saved; none if it is no longer open.
   */
  async saveAnswers(draft: Draft, change: DraftChange): Promise<Draft | undefined> {
    let current: Draft | undefined = draft;
    for (let attempt = 0; attempt < SAVE_ATTEMPTS && current; attempt++) {
      const { answers, update } = await this.saving(current, change);
      const [result] = await this.database.commit([update]);
      if (changedRows(result)) return savedAs(current, answers, change);
      const [row] = await this.db.select().from(drafts).where(eq(drafts.id, draft.id));
      current = row && row.status === 'open' && row.expiresAt > change.now ? await toDraft(row, this.keys) : undefined;
    }
    return undefined;
  }

  /**
   * Saves a change to a draft known only from a page's snapshot, in one round trip: the
   * rate-limit hit and the write in one batch, the write guarded by the snapshot's revision,
   * the device key still opening the draft, the draft open and unexpired, and the count within
   * the limit. When the guard stops it (another device saved, the draft was submitted), the
   * draft is read by the key and the save goes on as `saveAnswers`; over the limit, nothing
   * more is done. `hits`: the count so far, for the caller to refuse on.
   */
  async saveFromSnapshot(snapshot: Draft, keyHash: string, { hit, limit }: PendingHit, change: DraftChange): Promise<{ saved?: Draft; hits: number }> {
    const { answers, update } = await this.saving(snapshot, change, [gt(drafts.expiresAt, change.now), inArray(drafts.id, draftOfKey(this.db, keyHash)), withinLimit(limit, hit)]);
    const [counted, written] = await withRetry(() => this.database.run([hit, once(update.returning({ id: drafts.id }))]));
    const hits = counted[0]?.count ?? 1;
    if (written.length) return { saved: savedAs(snapshot, answers, change), hits };
    if (hits > limit.limit) return { hits };
    const { draft } = await this.forJourney(keyHash);
    if (!draft || draft.id !== snapshot.id || draft.status !== 'open' || draft.expiresAt <= change.now) return { hits };
    return { saved: await this.saveAnswers(draft, change), hits };
  }

  /** The answers a change leaves and the update that writes them over `draft`'s revision (sealed for an identifiable form). */
  private async saving(draft: Draft, { set, remove, language, now, expiresAt, sealed }: DraftChange, guards: SQL[] = []) {
    const answers: Answers = { ...draft.answers, ...set };
    for (const key of remove) delete answers[key];
    const stored = sealed ? await seal(await this.keys!(), JSON.stringify(answers), draftAnswersContext(draft.id)) : answers;
    const update = this.db
      .update(drafts)
      .set({ answers: stored, revision: draft.revision + 1, language, updatedAt: now, expiresAt })
      .where(and(eq(drafts.id, draft.id), eq(drafts.status, 'open'), eq(drafts.revision, draft.revision), ...guards));
    return { answers, update };
  }

  setResumeCode(id: string, codeHash: string): Statement {
    return this.db.update(drafts).set({ resumeCodeHash: codeHash }).where(and(eq(drafts.id, id), eq(drafts.status, 'open')));
  }

  /**
   * Stores the response and closes the draft, as statements for one batch. Repeating them
   * changes nothing: the response id is fixed when the draft starts.
   */
  submit(draftId: string, response: NewResponse, keepReceiptUntil: Date, answers: Answers | string = response.answers): Statement[] {
    const { values, ...fields } = response;
    const row = { ...fields, answers };
    const valueInserts: Statement[] = [];
    for (let start = 0; start < values.length; start += VALUE_ROWS_PER_INSERT) {
      const rows = values.slice(start, start + VALUE_ROWS_PER_INSERT).map((item) => ({ responseId: response.id, ...item }));
      valueInserts.push(this.db.insert(responseValues).values(rows).onConflictDoNothing());
    }
    return [
      // Only a repeat of this very submission is ignored; any other clash (a reference) fails loudly.
      this.db.insert(responses).values(row).onConflictDoNothing({ target: responses.id }),
      ...valueInserts,
      ...(row.linkId ? [new Links(this.database).markAnswered(row.linkId, row.id, row.submittedAt ?? new Date())] : []),
      // The draft keeps only what the receipt needs; its answers now live in the response.
      this.db
        .update(drafts)
        .set({ status: 'submitted', answers: {}, reference: response.reference, flagged: response.flagged, resumeCodeHash: null, expiresAt: keepReceiptUntil })
        .where(eq(drafts.id, draftId)),
    ];
  }

  /** Deletes a draft with its device keys: an anonymous round answer keeps nothing that leads back to it. */
  discard(draftId: string): Statement {
    return this.db.delete(drafts).where(eq(drafts.id, draftId));
  }

  /** Deletes expired drafts (with their device keys). */
  purgeExpired(now: Date): Statement {
    return this.db.delete(drafts).where(lt(drafts.expiresAt, now));
  }
}

/** Submitted responses. */
export class Responses {
  /** The keyring opens sealed answers; without it, a sealed response cannot be read. */
  constructor(
    private readonly database: Database,
    private readonly keyring?: Keyring,
  ) {}

  async byId(id: string): Promise<StoredResponse | undefined> {
    const [row] = await this.database.db.select().from(responses).where(eq(responses.id, id));
    if (!row) return undefined;
    const stored = typeof row.answers === 'string' && this.keyring ? JSON.parse(await open(this.keyring, row.answers, answersContext(row.id))) : row.answers;
    return { ...row, language: isLanguage(row.language) ? row.language : 'nb', answers: v.parse(Answers, stored) };
  }

  /** What a case page lists of responses (never their answers), by id. */
  summaries(ids: string[]): Promise<ResponseSummary[]> {
    if (!ids.length) return Promise.resolve([]);
    const { id, reference, municipalityId, formId, language, assisted, submittedAt, linkId, flagged } = responses;
    return this.database.db.select({ id, reference, municipalityId, formId, language, assisted, submittedAt, linkId, flagged }).from(responses).where(inArray(responses.id, ids));
  }

  /** A municipality's answers from before `period` (YYYY-MM), with their countable values. */
  purgeOld(municipalityId: string, period: string): Statement {
    return this.database.db.delete(responses).where(and(eq(responses.municipalityId, municipalityId), lt(responses.submittedPeriod, period)));
  }
}

/** Every form version ever used, so old responses stay readable. */
export class FormVersions {
  constructor(private readonly database: Database) {}

  /** Records a form version the first time it is used (a no-op afterwards). */
  record(form: CompiledForm, at: Date): Statement {
    return this.database.db
      .insert(formVersions)
      .values({ formId: form.definition.id, version: form.version, definition: form.definition, firstUsedAt: at })
      .onConflictDoNothing();
  }

  async at(formId: string, version: string): Promise<FormDefinition | undefined> {
    const [row] = await this.database.db
      .select({ definition: formVersions.definition })
      .from(formVersions)
      .where(and(eq(formVersions.formId, formId), eq(formVersions.version, version)));
    return row ? v.parse(FormDefinition, row.definition) : undefined;
  }
}
