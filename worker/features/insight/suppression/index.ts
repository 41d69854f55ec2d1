/**
 * placeholder: replaced by the suppression engine at merge.
 *
 * Same signature as the engine; does primary suppression only (a cell counted from fewer than
 * `threshold` respondents is null). A cell's key names the dimensions it is fixed on; a
 * dimension left out of the key is its margin (all values), a key no row falls in has no cell,
 * and a question table's cell with
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

const keyText = (key: Key) =>
  Object.keys(key)
    .sort()
    .map((dim) => `${dim}=${key[dim]}`)
    .join('&');

/** Every key a row falls in for these dimensions: each fixed on the row's value or left as its margin. */
function keysOf(row: ResponseRow, dims: readonly string[]): Key[] {
  return dims.reduce<Key[]>((keys, dim) => (row[dim] ? keys.flatMap((key) => [key, { ...key, [dim]: row[dim]! }]) : keys), [{}]);
}

/** Counted in one pass over the rows; a key no row falls in has no cell (it would be hidden anyway). */
export function publish(rows: readonly ResponseRow[], tables: readonly TableSpec[], options: { threshold: number; dimensions: Readonly<Record<string, readonly string[]>> }): PublishedTable[] {
  const hide = (count: number) => count < options.threshold;
  return tables.map((table) => {
    const question = table.question;
    const counts = new Map<string, { key: Key; count: number; scoreSum: number; scored: number }>();
    const add = (key: Key, score: number | undefined) => {
      const text = keyText(key);
      const entry = counts.get(text) ?? { key, count: 0, scoreSum: 0, scored: 0 };
      entry.count += 1;
      if (score !== undefined) {
        entry.scoreSum += score;
        entry.scored += 1;
      }
      counts.set(text, entry);
    };
    for (const row of rows) {
      const answer = question ? (row[question] ?? '') : undefined;
      if (question && (answer === '' || !options.dimensions[question]?.includes(answer!))) continue;
      for (const key of keysOf(row, table.by)) {
        add(key, answer === undefined ? undefined : table.scores?.[answer]);
        if (question) add({ ...key, [question]: answer! }, undefined);
      }
    }
    const cells: Cell[] = [...counts.values()].map(({ key, count, scoreSum, scored }) => {
      const isOption = !!question && question in key;
      const base = isOption ? counts.get(keyText(Object.fromEntries(Object.entries(key).filter(([dim]) => dim !== question))))!.count : count;
      if (hide(count)) return isOption ? { key, count: null, share: null, suppressed: 'primary' } : { key, count: null, ...(table.scores ? { mean: null } : {}), suppressed: 'primary' };
      if (isOption) return { key, count, share: count / base };
      return { key, count, ...(table.scores ? { mean: scored ? scoreSum / scored : null } : {}) };
    });
    return { id: table.id, cells };
  });
}
