/**
 * Every figure the tables can publish, as a set of fine cells and the answers it sums over:
 * a respondent count sums every answer (also "not answered"), a question's total every
 * answerable option, an option cell one option. A dimension left out of a table's key is
 * its margin; a key no row falls in has no figure.
 */
import type { Tally } from './tally.ts';
import type { TableSpec } from './types.ts';

export type Status = 'published' | 'primary' | 'secondary';

export interface Figure {
  table: number;
  key: Record<string, string>;
  /** How many dimensions the key fixes: margins (fewer) are kept before finer cells when counts tie. */
  fixed: number;
  fines: Int32Array;
  /** 'all' answers (respondents), the 'answered' ones (a question's total) or one option's index. */
  answer: 'all' | 'answered' | number;
  count: number;
  status: Status;
  /** A scale question's total: its mean, the score-weighted sum over its count. */
  mean?: { scoreSum: number; scored: number; status: Exclude<Status, 'primary'> };
  /** An option cell's total, for its share. */
  base?: Figure;
}

/** The fine cells of each key of one table, margins left out. */
function groups(tally: Tally, by: readonly string[]) {
  const at = by.map((dim) => tally.dims.indexOf(dim));
  const width = tally.dims.length;
  const found = new Map<number, number[]>();
  for (let fine = 0; fine < tally.respondents.length; fine++) {
    let code = 0;
    let margin = false;
    for (const d of at) {
      const digit = tally.digits[fine * width + d]!;
      if (digit === 0) margin = true;
      code = code * tally.values[d]!.length + digit;
    }
    if (margin) continue;
    const list = found.get(code);
    if (list) list.push(fine);
    else found.set(code, [fine]);
  }
  return [...found.values()].map((fines) => {
    const first = fines[0]! * width;
    const key = Object.fromEntries(at.map((d, i) => [by[i]!, tally.values[d]![tally.digits[first + d]!]!]));
    return { key, fines: Int32Array.from(fines) };
  });
}

/** The figures of every table, in each table's order: totals, then option cells. */
export function figuresOf(tally: Tally, tables: readonly TableSpec[], threshold: number) {
  const status = (count: number): Status => (count < threshold ? 'primary' : 'published');
  const byTable: Figure[][] = tables.map((table, index) => {
    const cells = groups(tally, table.by);
    const fixed = table.by.length;
    if (!table.question) return cells.map(({ key, fines }) => {
      const count = fines.reduce((sum, fine) => sum + tally.respondents[fine]!, 0);
      return { table: index, key, fixed, fines, answer: 'all' as const, count, status: status(count) };
    });
    const question = table.question;
    const { options, counts } = tally.questions.get(question)!;
    const scores = table.scores;
    const width = options.length + 1;
    const totals: Figure[] = [];
    const optionCells: Figure[] = [];
    for (const { key, fines } of cells) {
      const perOption = options.map((_, option) => fines.reduce((sum, fine) => sum + counts[fine * width + option]!, 0));
      const count = perOption.reduce((sum, value) => sum + value, 0);
      if (count === 0) continue;
      const total: Figure = { table: index, key, fixed, fines, answer: 'answered', count, status: status(count) };
      if (scores) {
        let scoreSum = 0;
        let scored = 0;
        options.forEach((option, at) => {
          const score = scores[option];
          if (score === undefined) return;
          scoreSum += score * perOption[at]!;
          scored += perOption[at]!;
        });
        total.mean = { scoreSum, scored, status: 'published' };
      }
      totals.push(total);
      perOption.forEach((optionCount, option) => {
        if (optionCount > 0) optionCells.push({ table: index, key: { ...key, [question]: options[option]! }, fixed: fixed + 1, fines, answer: option, count: optionCount, status: status(optionCount), base: total });
      });
    }
    return [...totals, ...optionCells];
  });
  return byTable;
}
