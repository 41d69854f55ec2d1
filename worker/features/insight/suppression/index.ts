/**
 * placeholder: replaced by the suppression engine at merge.
 *
 * Same signature as the engine; does primary suppression only (a cell counted from fewer than
 * `threshold` respondents is null). A cell's key names the dimensions it is fixed on; a
 * dimension left out of the key is its margin (all values), and a question table's cell with
 * the question in its key counts one answer option, without it every answer.
 */
export type ResponseRow = Readonly<Record<string, string>>;
export interface TableSpec {
  id: string;
  question?: string;
  by: readonly string[];
  scores?: Readonly<Record<string, number>>;
}
export interface Cell {
  key: Readonly<Record<string, string>>;
  count: number | null;
  share?: number | null;
  mean?: number | null;
  suppressed?: 'primary' | 'secondary';
}
export interface PublishedTable {
  id: string;
  cells: Cell[];
}

type Key = Record<string, string>;

/** Every key over these dimensions, each fixed on one of its values or left as its margin. */
function keysOver(dims: readonly string[], values: Readonly<Record<string, readonly string[]>>): Key[] {
  return dims.reduce<Key[]>((keys, dim) => keys.flatMap((key) => [key, ...(values[dim] ?? []).map((value) => ({ ...key, [dim]: value }))]), [{}]);
}

const matches = (row: ResponseRow, key: Key) => Object.entries(key).every(([dim, value]) => row[dim] === value);

export function publish(rows: readonly ResponseRow[], tables: readonly TableSpec[], options: { threshold: number; dimensions: Readonly<Record<string, readonly string[]>> }): PublishedTable[] {
  const hide = (count: number) => count < options.threshold;
  return tables.map((table) => {
    const question = table.question;
    const cells: Cell[] = [];
    for (const key of keysOver(table.by, options.dimensions)) {
      const inKey = rows.filter((row) => matches(row, key) && (!question || (row[question] ?? '') !== ''));
      const total = inKey.length;
      let mean: number | null | undefined;
      if (question && table.scores) {
        const scored = inKey.flatMap((row) => (table.scores![row[question]!] === undefined ? [] : [table.scores![row[question]!]!]));
        mean = scored.length ? scored.reduce((sum, score) => sum + score, 0) / scored.length : null;
      }
      cells.push(hide(total) ? { key, count: null, mean: question && table.scores ? null : undefined, suppressed: 'primary' } : { key, count: total, mean });
      if (!question) continue;
      for (const option of options.dimensions[question] ?? []) {
        const count = inKey.filter((row) => row[question] === option).length;
        const at = { ...key, [question]: option };
        cells.push(hide(count) ? { key: at, count: null, share: null, suppressed: 'primary' } : { key: at, count, share: total ? count / total : 0 });
      }
    }
    return { id: table.id, cells };
  });
}
