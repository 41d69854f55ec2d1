/**
 * The one pass over the responses: every row falls in one fine cell (a value, or "not
 * answered", for every dimension any table is broken down by) and, per question, one answer
 * (an answerable option, or none). Every published figure is a sum of these counts.
 */
import { GrowingInts } from './growing.ts';
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

/**
 * Counts rows one at a time, so a round's answers can be counted as they are read, page by
 * page, and none has to be kept: what is kept is the fine cells and their counts.
 */
export class Counting {
  private readonly dims: string[];
  private readonly lookup: Map<string, number>[];
  private readonly values: string[][];
  private readonly fines = new Map<string, number>();
  private readonly digits = new GrowingInts(64);
  private readonly respondents = new GrowingInts(64);
  private readonly questions: { id: string; index: Map<string, number>; options: string[]; counts: GrowingInts }[] = [];
  private readonly row: number[];

  constructor(tables: readonly TableSpec[], options: PublishOptions) {
    this.dims = [...new Set(tables.flatMap((table) => table.by))];
    this.lookup = this.dims.map((dim) => new Map((options.dimensions[dim] ?? []).map((value, index) => [value, index + 1])));
    this.values = this.dims.map((dim) => ['', ...(options.dimensions[dim] ?? [])]);
    this.row = new Array<number>(this.dims.length).fill(0);
    for (const table of tables) {
      if (!table.question || this.questions.some((question) => question.id === table.question)) continue;
      const answerable = options.dimensions[table.question] ?? [];
      this.questions.push({ id: table.question, index: new Map(answerable.map((value, position) => [value, position])), options: [...answerable], counts: new GrowingInts(64) });
    }
  }

  add(row: ResponseRow) {
    const { dims, lookup, values, digits } = this;
    for (let d = 0; d < dims.length; d++) {
      const value = row[dims[d]!] ?? '';
      let digit = value === '' ? 0 : lookup[d]!.get(value);
      // A value the dimension does not list is still counted under its own name.
      if (digit === undefined) lookup[d]!.set(value, (digit = values[d]!.push(value) - 1));
      this.row[d] = digit;
    }
    const code = String.fromCharCode(...this.row);
    let fine = this.fines.get(code);
    if (fine === undefined) {
      fine = this.fines.size;
      this.fines.set(code, fine);
      digits.reach((fine + 1) * dims.length);
      digits.items.set(this.row, fine * dims.length);
      this.respondents.reach(fine + 1);
      for (const { options, counts } of this.questions) counts.reach((fine + 1) * (options.length + 1));
    }
    this.respondents.items[fine]!++;
    const questions = this.questions;
    for (let q = 0; q < questions.length; q++) {
      const { id, index, options, counts } = questions[q]!;
      const value = row[id];
      const answer = value === undefined || value === '' ? undefined : index.get(value);
      counts.items[fine * (options.length + 1) + (answer ?? options.length)]!++;
    }
  }

  get tally(): Tally {
    const questions = new Map(this.questions.map(({ id, options, counts }) => [id, { options, counts: counts.done }]));
    return { dims: this.dims, values: this.values, digits: this.digits.done, respondents: this.respondents.done, questions };
  }
}

export function tally(rows: Iterable<ResponseRow>, tables: readonly TableSpec[], options: PublishOptions): Tally {
  const counting = new Counting(tables, options);
  for (const row of rows) counting.add(row);
  return counting.tally;
}
