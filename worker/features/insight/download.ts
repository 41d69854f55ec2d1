/**
 * A closed round's figures as tidy long rows: one per published cell, with a column per
 * dimension (`(all)` where the cell is that dimension's margin, empty where its table is not
 * broken down by it), the answer option, the count, share and mean, and whether it was hidden.
 * Read from the same `publish()` of the whole set of tables as the dashboard, a batch at a time,
 * so the CSV (streamed) and the XLSX sheet are the same rows from one source.
 */
import { csvCell } from '../../core/csv.ts';
import type { Published } from './published.ts';
import { GROUP, UNIT } from './specs.ts';

export const ALL = '(all)';

export type TidyValue = string | number | null;

/** The column names: fixed ones around one per dimension of the round. */
export const tidyHeader = (published: Published): string[] => ['round', 'table', 'question', 'theme', ...dimensionsOf(published), 'option', 'count', 'share', 'mean', 'suppressed'];

const dimensionsOf = (published: Published) => [UNIT, GROUP, ...published.tables.backgrounds.map((question) => question.id)];

/** Rows per batch: a table can have tens of thousands of cells, and a batch is all that is held at once. */
const BATCH = 1000;

/** The rows of each table in turn, in batches, without the header; nothing is kept between batches. */
export function* tidyTables(published: Published): Generator<TidyValue[][]> {
  const dims = dimensionsOf(published);
  const themeOf = new Map(published.tables.questions.map((question) => [question.id, question.theme]));
  for (const spec of published.tables.specs) {
    const question = spec.question;
    let rows: TidyValue[][] = [];
    for (const cell of published.cells.get(spec.id)?.values() ?? []) {
      if (rows.length === BATCH) {
        yield rows;
        rows = [];
      }
      rows.push([
        published.round.id,
        spec.id,
        question ?? '',
        question ? (themeOf.get(question) ?? '') : '',
        // Empty where the table is not broken down by the dimension at all.
        ...dims.map((dim) => (spec.by.includes(dim) ? (cell.key[dim] ?? ALL) : '')),
        question ? (cell.key[question] ?? ALL) : '',
        cell.count,
        cell.share ?? null,
        cell.mean ?? null,
        // Never which kind: a secondary one always has enough answers, so naming it would single out the primary ones.
        cell.suppressed ? 'hidden' : '',
      ]);
    }
    if (rows.length) yield rows;
  }
}

const line = (cells: readonly TidyValue[]) => `${cells.map((cell) => csvCell(cell === null ? '' : String(cell))).join(',')}\r\n`;

/** Text produced piece by piece as a byte stream, a piece per chunk, produced only as it is read. */
export function textStream(pieces: Iterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pieces[Symbol.iterator]();
  return new ReadableStream({
    pull(controller) {
      const next = iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
}

function* csvPieces(published: Published): Generator<string> {
  yield line(tidyHeader(published));
  for (const rows of tidyTables(published)) yield rows.map(line).join('');
}

/** The CSV: the header, then a batch of lines per chunk. */
export const roundCsv = (published: Published) => textStream(csvPieces(published));
