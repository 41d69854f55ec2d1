/**
 * The span of the published figures' vectors, kept in echelon form over the integers modulo
 * a prime and sparse: a row only holds entries at its own pivot and at pivots added after it,
 * so a vector is reduced by visiting rows in the order they were added.
 */
import { mod, subMul } from './modular.ts';

export interface Vector {
  cols: number[];
  vals: number[];
}

export class Span {
  private rows: Vector[] = [];
  private pivots: number[] = [];
  private pivotRow: Int32Array;
  private acc: Float64Array;
  private seen: Int32Array;
  private queued: Int32Array = new Int32Array(16);
  private stamp = 0;

  constructor(columns: number) {
    this.pivotRow = new Int32Array(columns).fill(-1);
    this.acc = new Float64Array(columns);
    this.seen = new Int32Array(columns);
  }

  /** What is left of a vector outside the span, or null when it lies in it. */
  reduce(vector: Vector): Vector | null {
    const stamp = ++this.stamp;
    const { acc, seen, pivotRow, queued } = this;
    const touched: number[] = [];
    // Rows to visit are marked; a row only leads to later ones, so one pass in order visits them all.
    let first = this.rows.length;
    const touch = (col: number) => {
      if (seen[col] === stamp) return;
      seen[col] = stamp;
      acc[col] = 0;
      touched.push(col);
    };
    for (let i = 0; i < vector.cols.length; i++) {
      const col = vector.cols[i]!;
      touch(col);
      acc[col] = mod(acc[col]! + vector.vals[i]!);
      const row = pivotRow[col]!;
      if (row >= 0) {
        queued[row] = stamp;
        if (row < first) first = row;
      }
    }
    for (let at = first; at < this.rows.length; at++) {
      if (queued[at] !== stamp) continue;
      const row = this.rows[at]!;
      const factor = acc[this.pivots[at]!]!;
      if (factor === 0) continue;
      for (let i = 0; i < row.cols.length; i++) {
        const col = row.cols[i]!;
        touch(col);
        acc[col] = subMul(acc[col]!, factor, row.vals[i]!);
        const later = pivotRow[col]!;
        if (later > at) queued[later] = stamp;
      }
    }
    const rest: Vector = { cols: [], vals: [] };
    for (const col of touched) {
      if (acc[col] !== 0) {
        rest.cols.push(col);
        rest.vals.push(acc[col]!);
      }
    }
    return rest.cols.length ? rest : null;
  }

  /** Adds a reduced vector whose entry at `pivot` is 1. */
  add(reduced: Vector, pivot: number) {
    const at = this.rows.push(reduced) - 1;
    this.pivots.push(pivot);
    this.pivotRow[pivot] = at;
    if (at >= this.queued.length) {
      const grown = new Int32Array(this.queued.length * 2);
      grown.set(this.queued);
      this.queued = grown;
    }
  }
}
