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

interface Tally {
  key: Key;
  count: number;
  scoreSum: number;
  scored: number;
}

/**
 * Counts one question (or the respondents) over the union of the dimensions its tables use: a
 * table over fewer dimensions is the margins of this one, so every table of the question reads
 * its cells from one pass. A key no row falls in has no cell (it would be hidden anyway).
 */
function tally(rows: readonly ResponseRow[], question: string | undefined, dims: readonly string[], scores: Readonly<Record<string, number>> | undefined, answerable: readonly string[]) {
  const totals = new Map<string, Tally>();
  const answers = new Map<string, Tally & { base: string }>();
  for (const row of rows) {
    const answer = question ? (row[question] ?? '') : undefined;
    if (question && (answer === '' || !answerable.includes(answer!))) continue;
    const score = answer === undefined ? undefined : scores?.[answer];
    // Each subset of the row's answered dimensions is one key: fixed there, margin elsewhere.
    for (let mask = 0; mask < 1 << dims.length; mask++) {
      let text = '';
      let skip = false;
      for (let bit = 0; bit < dims.length && !skip; bit++) {
        if (!(mask & (1 << bit))) continue;
        const value = row[dims[bit]!] ?? '';
        if (value === '') skip = true;
        else text += `${dims[bit]}=${value}&`;
      }
      if (skip) continue;
      const keyOf = () => Object.fromEntries(dims.flatMap((dim, bit) => (mask & (1 << bit) ? [[dim, row[dim]!]] : [])));
      const total = totals.get(text) ?? { key: keyOf(), count: 0, scoreSum: 0, scored: 0 };
      total.count += 1;
      if (score !== undefined) {
        total.scoreSum += score;
        total.scored += 1;
      }
      totals.set(text, total);
      if (!question) continue;
      const optionText = `${text}|${answer}`;
      const option = answers.get(optionText) ?? { key: { ...total.key, [question]: answer! }, count: 0, scoreSum: 0, scored: 0, base: text };
      option.count += 1;
      answers.set(optionText, option);
    }
  }
  return { totals, answers };
}

export function publish(rows: readonly ResponseRow[], tables: readonly TableSpec[], options: { threshold: number; dimensions: Readonly<Record<string, readonly string[]>> }): PublishedTable[] {
  const hide = (count: number) => count < options.threshold;
  const unions = new Map<string, Set<string>>();
  for (const table of tables) unions.set(table.question ?? '', new Set([...(unions.get(table.question ?? '') ?? []), ...table.by]));
  const tallies = new Map<string, ReturnType<typeof tally>>();
  return tables.map((table) => {
    const question = table.question;
    const name = question ?? '';
    const counted = tallies.get(name) ?? tally(rows, question, [...unions.get(name)!], table.scores, question ? (options.dimensions[question] ?? []) : []);
    tallies.set(name, counted);
    const inTable = (key: Key) => Object.keys(key).every((dim) => dim === question || table.by.includes(dim));
    const cells: Cell[] = [];
    for (const { key, count, scoreSum, scored } of counted.totals.values()) {
      if (!inTable(key)) continue;
      const mean = table.scores ? { mean: hide(count) ? null : scored ? scoreSum / scored : null } : {};
      cells.push(hide(count) ? { key, count: null, ...mean, suppressed: 'primary' } : { key, count, ...mean });
    }
    for (const { key, count, base } of counted.answers.values()) {
      if (!inTable(key)) continue;
      cells.push(hide(count) ? { key, count: null, share: null, suppressed: 'primary' } : { key, count, share: count / counted.totals.get(base)!.count });
    }
    return { id: table.id, cells };
  });
}
