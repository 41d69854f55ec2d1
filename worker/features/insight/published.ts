/**
 * A round's publication: its whole set of tables published once through `publish`, indexed by
 * table and key for reading. Every figure any view, download or document shows is read from here.
 */
import type { InsightGroup, Theme } from '../../core/vocabulary.ts';
import type { Round } from './round.ts';
import { GROUP, tableId, UNIT, type RoundTables } from './specs.ts';
import { publish, type Cell, type PublishedTable, type ResponseRow } from './suppression/index.ts';
import type { insightLinks } from './tables.ts';

/** A quote as it may be published: approved, as the planner redacted it, with the theme of its question. */
export interface PublishedQuote {
  group: InsightGroup;
  questionId: string;
  theme: Theme | undefined;
  text: string;
}

export type RoundLink = typeof insightLinks.$inferSelect;

export interface Published {
  round: Round;
  /** The municipality's threshold the figures were published under. */
  threshold: number;
  links: RoundLink[];
  tables: RoundTables;
  cells: Map<string, Map<string, Cell>>;
}

const keyText = (key: Readonly<Record<string, string>>) =>
  Object.keys(key)
    .sort()
    .map((dim) => `${dim}=${key[dim]}`)
    .join('&');

/** The published tables by id, each cell by its key. */
export const indexed = (published: readonly PublishedTable[]) => new Map(published.map((table) => [table.id, new Map(table.cells.map((cell) => [keyText(cell.key), cell]))]));

/** Counts rows into the round's tables and publishes the whole set at once; the rows may come one at a time (a generator), so none has to be held. */
export function publishRows(round: Round, links: RoundLink[], tables: RoundTables, rows: Iterable<ResponseRow>, threshold: number): Published {
  const published = publish(rows, tables.specs, { threshold, dimensions: tables.dimensions });
  return { round, threshold, links, tables, cells: indexed(published) };
}

/** The cell of one table at one key (the question's own option in it names a cell, not a table), or undefined when the set has no such table. */
export const cellOf = (published: Published, question: string | undefined, key: Record<string, string>) =>
  published.cells.get(tableId(question, Object.keys(key).filter((dim) => dim !== question)))?.get(keyText(key));

/** Respondents per unit and group, with the response rate where the planner gave the number invited. */
export function responseRates(published: Published) {
  return published.links.map((link) => {
    const cell = cellOf(published, undefined, { [UNIT]: link.unitId, [GROUP]: link.group });
    const count = cell?.count ?? null;
    return { unitId: link.unitId, group: link.group, cell, invited: link.invited, rate: count !== null && link.invited ? count / link.invited : null };
  });
}

/** Who answered: everyone, each group and each unit's groups, as published (a hidden count stays hidden). */
export function respondents(published: Published) {
  return {
    all: cellOf(published, undefined, {})?.count ?? null,
    groups: published.round.groups.map(({ group }) => ({ group, count: cellOf(published, undefined, { [GROUP]: group })?.count ?? null })),
    rates: responseRates(published),
  };
}

