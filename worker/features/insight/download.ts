/**
 * A closed round's figures as a tidy long CSV: one line per published cell, with a column per
 * dimension (`(all)` where the cell is that dimension's margin, empty where its table is not
 * broken down by it), the answer option, the count,
 * share and mean, and whether it was hidden. Built from the same `publish()` of the whole set of
 * tables as the dashboard, and streamed a table at a time.
 */
import { csvCell } from '../../core/csv.ts';
import type { Published } from './results.ts';
import { GROUP, UNIT } from './specs.ts';

export const ALL = '(all)';

const line = (cells: (string | number | null | undefined)[]) => `${cells.map((cell) => csvCell(cell === null || cell === undefined ? '' : String(cell))).join(',')}\r\n`;

/** The CSV, a table's lines per chunk. */
export function roundCsv(published: Published): ReadableStream<Uint8Array> {
  const dims = [UNIT, GROUP, ...published.tables.backgrounds.map((question) => question.id)];
  const themeOf = new Map(published.tables.questions.map((question) => [question.id, question.theme]));
  const specs = published.tables.specs;
  const encoder = new TextEncoder();
  let index = -1;
  return new ReadableStream({
    pull(controller) {
      if (index === -1) controller.enqueue(encoder.encode(line(['round', 'table', 'question', 'theme', ...dims, 'option', 'count', 'share', 'mean', 'suppressed'])));
      else {
        const spec = specs[index];
        if (!spec) return controller.close();
        const cells = published.cells.get(spec.id);
        let chunk = '';
        for (const cell of cells?.values() ?? []) {
          const question = spec.question;
          chunk += line([
            published.round.id,
            spec.id,
            question ?? '',
            question ? themeOf.get(question) : '',
            // Empty where the table is not broken down by the dimension at all.
            ...dims.map((dim) => (spec.by.includes(dim) ? (cell.key[dim] ?? ALL) : '')),
            question ? (cell.key[question] ?? ALL) : '',
            cell.count,
            cell.share,
            cell.mean,
            cell.suppressed ?? '',
          ]);
        }
        controller.enqueue(encoder.encode(chunk));
      }
      index++;
    },
  });
}
