/**
 * The one pass over the responses: every row falls in one fine cell (a value, or "not
 * answered", for every dimension any table is broken down by) and, per question, one answer
 * (an answerable option, or none). Every published figure is a sum of these counts.
 */
import type { PublishOptions, ResponseRow, TableSpec } from './types.ts';

export interface QuestionTally {
  options: string[];
  /** counts[fine * (options + 1) + answer]; answer `options.length` is "not answered". */
  counts: Int32Array;
}

export interface Tally {
  dims: string[];
  /** Per dimension its values by digit; digit 0 is "not answered". */
  values: string[][];
  /** The digits of fine cell f at [f * dims.length + dim]. */
  digits: Int32Array;
  /** Respondents per fine cell. */
  respondents: Int32Array;
  questions: Map<string, QuestionTally>;
}

export function tally(rows: readonly ResponseRow[], tables: readonly TableSpec[], options: PublishOptions): Tally {
  const dims = [...new Set(tables.flatMap((table) => table.by))];
  const lookup = dims.map((dim) => new Map((options.dimensions[dim] ?? []).map((value, index) => [value, index + 1])));
  const values = dims.map((dim) => ['', ...(options.dimensions[dim] ?? [])]);
  const rowDigits = new Int32Array(rows.length * dims.length);
  rows.forEach((row, r) => {
    for (let d = 0; d < dims.length; d++) {
      const value = row[dims[d]!] ?? '';
      if (value === '') continue;
      let digit = lookup[d]!.get(value);
      // A value the dimension does not list is still counted under its own name.
      if (digit === undefined) lookup[d]!.set(value, (digit = values[d]!.push(value) - 1));
      rowDigits[r * dims.length + d] = digit;
    }
  });
  const fineOf = new Int32Array(rows.length);
  const codes = new Map<number, number>();
  for (let r = 0; r < rows.length; r++) {
    let code = 0;
    for (let d = 0; d < dims.length; d++) code = code * values[d]!.length + rowDigits[r * dims.length + d]!;
    let fine = codes.get(code);
    if (fine === undefined) codes.set(code, (fine = codes.size));
    fineOf[r] = fine;
  }
  const digits = new Int32Array(codes.size * dims.length);
  const respondents = new Int32Array(codes.size);
  for (let r = 0; r < rows.length; r++) {
    const fine = fineOf[r]!;
    if (respondents[fine] === 0) digits.set(rowDigits.subarray(r * dims.length, (r + 1) * dims.length), fine * dims.length);
    respondents[fine] = respondents[fine]! + 1;
  }
  const questions = new Map<string, QuestionTally>();
  for (const table of tables) {
    if (!table.question || questions.has(table.question)) continue;
    const question = table.question;
    const answerable = options.dimensions[question] ?? [];
    const index = new Map(answerable.map((value, position) => [value, position]));
    const width = answerable.length + 1;
    const counts = new Int32Array(codes.size * width);
    for (let r = 0; r < rows.length; r++) {
      const at = fineOf[r]! * width + (index.get(rows[r]![question] ?? '') ?? answerable.length);
      counts[at] = counts[at]! + 1;
    }
    questions.set(question, { options: [...answerable], counts });
  }
  return { dims, values, digits, respondents, questions };
}
