/**
 * A closed round's figures: its answers counted into the round's whole set of tables, published
 * once through `publish`, and read from there for the filters and cross-tab asked for.
 */
import type { Municipality } from '../../core/municipality.ts';
import type { Database } from '../../platform/storage/database.ts';
import { Rounds, type RoundLink } from './repository.ts';
import { cellOf, indexed, type Published } from './published.ts';
import { packed } from './packed-tables.ts';
import { attemptFailed, attemptHolds, attemptStarts, publicationSignature, storedSignatureIs, storedTables, storeTables } from './stored-publication.ts';
import { refuse } from '../../core/refusals.ts';
import { roundStatus, type Round } from './round.ts';
import { GROUP, responseRow, roundTables, UNIT, type RoundQuestion, type RoundTables } from './specs.ts';
import { Counting, publishCounted, type Cell, type PublishedTable } from './suppression/index.ts';

/** The view asked for: one unit, one group, one background value, and a cross-tab by one background question. */
export interface Filters {
  unit?: string;
  group?: string;
  background?: { question: string; value: string };
  crossBy?: string;
}

/**
 * The last publications, per isolate. A closed round's answers never change, so the same round
 * and signature (threshold, answer count, tables) publish the same figures: the next filter or
 * download of the round reads them instead of reading the stored set again. Few are kept, since
 * a large round's publication holds hundreds of thousands of cells.
 */
const recent = new Map<string, Published['cells']>();
const KEPT = 2;

/**
 * The round's tables published from its stored answers, and kept for the views after it. The
 * attempt is noted first: if the CPU limit stops this, the next try knows (`attemptHolds`).
 */
async function publishAndStore(database: Database, round: Round, tables: RoundTables, threshold: number, signature: string, now: Date): Promise<PublishedTable[]> {
  await database.commit([attemptStarts(database, round.id, signature, now)]);
  let published: PublishedTable[];
  try {
    const options = { threshold, dimensions: tables.dimensions };
    // Counted as the pages come, so only the counts of a large round are held, not its answers.
    const counting = new Counting(tables.specs, options);
    for await (const page of new Rounds(database).answerPages(round.id)) for (const answer of page) counting.add(responseRow(tables, answer));
    published = publishCounted(counting.tally, tables.specs, options);
  } catch (error) {
    await database.commit([attemptFailed(database, round.id)]).catch(() => {});
    throw error;
  }
  try {
    await database.commit([storeTables(database, round.id, signature, await packed(published), now)]);
  } catch (error) {
    // Not kept, the figures are still right: the next view publishes again.
    console.error(JSON.stringify({ event: 'publication-not-stored', name: (error as Error).name }));
  }
  return published;
}

/** What a round publishes from: its tables, the municipality's threshold, and the signature of both with its answer count. */
async function publishedFrom(database: Database, municipality: Municipality, round: Round, links: readonly RoundLink[]) {
  const tables = roundTables(round, [...new Set(links.map((link) => link.unitId))]);
  const threshold = municipality.suppressionThreshold;
  const signature = publicationSignature(threshold, await new Rounds(database).answerCount(round.id), tables.specs.map((spec) => spec.id));
  return { tables, threshold, signature };
}

/** Publishes in the view, unless another view or the scheduled job is at it or was stopped at it: then the planner is asked to come back. */
async function publishInView(database: Database, round: Round, tables: RoundTables, threshold: number, signature: string, now: Date) {
  if (await attemptHolds(database, round.id, signature, now)) refuse('resultsPreparing');
  return publishAndStore(database, round, tables, threshold, signature, now);
}

/** A closed round's whole set of tables, published: from this isolate, from its database, or anew (and then stored). */
export async function publishRound(database: Database, municipality: Municipality, round: Round, links: RoundLink[], now: Date): Promise<Published> {
  const { tables, threshold, signature } = await publishedFrom(database, municipality, round, links);
  const key = `${municipality.id}|${round.id}|${signature}`;
  const cells = recent.get(key) ?? indexed((await storedTables(database, round.id, signature)) ?? (await publishInView(database, round, tables, threshold, signature, now)));
  recent.delete(key);
  recent.set(key, cells);
  for (const old of recent.keys()) if (recent.size > KEPT) recent.delete(old);
  return { round, threshold, links, tables, cells };
}

/**
 * The scheduled job's share: publishes and stores the first closed round of the municipality
 * whose stored publication is missing or from another signature, so no planner's view waits for
 * it. One at a time, since a large round takes long; true when it published one.
 */
export async function publishClosedRound(database: Database, municipality: Municipality, now: Date): Promise<boolean> {
  const rounds = new Rounds(database);
  for (const round of await rounds.list(municipality.id)) {
    if (roundStatus(round, now) !== 'closed') continue;
    const found = await rounds.byId(municipality.id, round.id);
    const { tables, threshold, signature } = await publishedFrom(database, municipality, round, found!.links);
    if (await storedSignatureIs(database, round.id, signature)) continue;
    // Begun within the day and not stored: stopped at the limit (or running); the rounds after it go first.
    if (await attemptHolds(database, round.id, signature, now)) continue;
    await publishAndStore(database, round, tables, threshold, signature, now);
    return true;
  }
  return false;
}

/** The filters that apply to a question: a group it is not asked in, or a background not asked beside it, is left out. */
export function fixedKey(question: RoundQuestion | undefined, filters: Filters): Record<string, string> {
  const key: Record<string, string> = {};
  if (filters.unit) key[UNIT] = filters.unit;
  // A question asked of one group only is counted without the group: choosing that group changes nothing.
  if (filters.group && (!question || (question.groups.length > 1 && question.groups.includes(filters.group)))) key[GROUP] = filters.group;
  if (filters.background && (!question || question.backgrounds.includes(filters.background.question))) key[filters.background.question] = filters.background.value;
  return key;
}

export interface FigureRow {
  /** The cross-tab value, or undefined for all (within the filters). */
  value?: string;
  respondents: Cell | undefined;
  options: { value: string; cell: Cell | undefined }[];
}

/** One question's rows: one per value of the cross-tab question (when asked beside it), then all. */
export function questionRows(published: Published, question: RoundQuestion, filters: Filters): FigureRow[] {
  const fixed = fixedKey(question, filters);
  const rowAt = (key: Record<string, string>, value?: string): FigureRow => ({
    value,
    respondents: cellOf(published, question.id, key),
    options: question.options.map((option) => ({ value: option.value, cell: cellOf(published, question.id, { ...key, [question.id]: option.value }) })),
  });
  const crossBy = filters.crossBy && question.backgrounds.includes(filters.crossBy) && !(filters.crossBy in fixed) ? filters.crossBy : undefined;
  const values = crossBy ? (published.tables.dimensions[crossBy] ?? []) : [];
  return [...values.map((value) => rowAt({ ...fixed, [crossBy!]: value }, value)), rowAt(fixed)];
}

/** The closed round before this one, if the municipality has one, to show beside it. */
export async function previousRound(database: Database, round: Round, now: Date) {
  return (await new Rounds(database).list(round.municipalityId)).find((candidate) => candidate.opensOn < round.opensOn && roundStatus(candidate, now) === 'closed');
}
