/**
 * Bounds that the published figures and non-negativity put on each fine count, by
 * propagation: a published sum minus the least the rest of it can be bounds each part from
 * above, and the sum minus the most the rest can be bounds it from below, repeated until
 * nothing moves. Every bound found is one a reader could derive, so a hidden cell whose bound
 * falls below the threshold is pinned and more must be hidden. (The exact linear-programming
 * bounds can be tighter still; the property test checks those.)
 */
export interface Constraint {
  cols: number[];
  /** Positive weights: 1 for a count, the scores for a score-weighted sum. */
  coefs: number[];
  value: number;
}

const ROUNDS = 8;
/** The most parts of one count tried against each hidden cell it holds. */
export const PARTS = 16;
/** The most counts holding a hidden cell that are tried against it (the smallest). */
const WHOLES = 8;
const EPSILON = 1e-9;

/**
 * For each hidden cell (a set of columns) whose upper bound is below the threshold, the
 * constraints that set that bound; hiding them widens it.
 */
export function pinnedBy(columns: number, constraints: readonly Constraint[], hidden: readonly number[][], threshold: number, partsOf: (constraint: number) => number[]): Set<number>[] {
  const lower = new Float64Array(columns);
  const upper = new Float64Array(columns).fill(Infinity);
  const upperFrom = new Int32Array(columns).fill(-1);
  // A sum of one column fixes it (most shown figures at the finest level are such sums). The
  // rounds then go over the other sums with the fixed columns taken out, their values taken off:
  // they are what can still move. Laid out flat, one sum after another.
  const fixed = new Uint8Array(columns);
  let entries = 0;
  for (let c = 0; c < constraints.length; c++) {
    const { cols, coefs, value } = constraints[c]!;
    entries += cols.length;
    if (cols.length !== 1 || fixed[cols[0]!]) continue;
    fixed[cols[0]!] = 1;
    lower[cols[0]!] = upper[cols[0]!] = value / coefs[0]!;
    upperFrom[cols[0]!] = c;
  }
  const source = new Int32Array(constraints.length);
  const values = new Float64Array(constraints.length);
  const starts = new Int32Array(constraints.length + 1);
  const flatCols = new Int32Array(entries);
  const flatCoefs = new Float64Array(entries);
  let sums = 0;
  let end = 0;
  for (let c = 0; c < constraints.length; c++) {
    const { cols, coefs, value } = constraints[c]!;
    if (cols.length === 1) continue;
    let rest = value;
    const start = end;
    for (let i = 0; i < cols.length; i++) {
      const col = cols[i]!;
      if (fixed[col]) rest -= coefs[i]! * upper[col]!;
      else {
        flatCols[end] = col;
        flatCoefs[end++] = coefs[i]!;
      }
    }
    if (end === start) continue;
    source[sums] = c;
    values[sums++] = rest;
    starts[sums] = end;
  }
  for (let round = 0, moved = true; round < ROUNDS && moved; round++) {
    moved = false;
    for (let s = 0; s < sums; s++) {
      const value = values[s]!;
      const from = starts[s]!;
      const to = starts[s + 1]!;
      let least = 0;
      let most = 0;
      let unbounded = 0;
      // A sum at least the widest column range (times its weight) above the least its columns
      // can be and below the most moves no bound: its second pass is skipped.
      let widest = 0;
      for (let i = from; i < to; i++) {
        const col = flatCols[i]!;
        const coef = flatCoefs[i]!;
        least += coef * lower[col]!;
        const high = upper[col]!;
        if (high === Infinity) unbounded++;
        else {
          most += coef * high;
          const width = coef * (high - lower[col]!);
          if (width > widest) widest = width;
        }
      }
      if (unbounded === 0 && value - least >= widest && most - value >= widest) continue;
      for (let i = from; i < to; i++) {
        const col = flatCols[i]!;
        const coef = flatCoefs[i]!;
        const high = (value - (least - coef * lower[col]!)) / coef;
        const wasUpper = upper[col]!;
        if (high < wasUpper - EPSILON) {
          upper[col] = high;
          upperFrom[col] = source[s]!;
          moved = true;
        }
        // The least this one can be: the sum less the most all the others can be.
        const othersBounded = wasUpper === Infinity ? unbounded === 1 : unbounded === 0;
        if (!othersBounded) continue;
        const low = (value - (wasUpper === Infinity ? most : most - coef * wasUpper)) / coef;
        if (low > lower[col]! + EPSILON) {
          lower[col] = low;
          moved = true;
        }
      }
    }
  }
  // A hidden cell is also bounded by a published count that holds all of it, less the shown
  // parts of that count which lie outside it (disjoint, largest first), less the least the rest can be.
  // Only the hidden cells' columns need the counts that hold them.
  const slot = new Int32Array(columns).fill(-1);
  const holding: number[][] = [];
  for (const cols of hidden) for (const col of cols) if (slot[col] === -1) slot[col] = holding.push([]) - 1;
  constraints.forEach(({ cols, coefs }, c) => {
    if (!coefs.every((coef) => coef === 1)) return;
    for (const col of cols) if (slot[col] !== -1) holding[slot[col]!]!.push(c);
  });
  const taken = new Int32Array(columns).fill(-1);
  // The least each count's columns can be, summed when first asked for.
  const leastOf = new Float64Array(constraints.length).fill(NaN);
  const least = (c: number) => {
    if (Number.isNaN(leastOf[c])) leastOf[c] = constraints[c]!.cols.reduce((sum, col) => sum + lower[col]!, 0);
    return leastOf[c]!;
  };
  let serial = 0;
  // How many of a cell's other columns each count holds, stamped per cell.
  const heldAt = new Int32Array(constraints.length);
  const heldStamp = new Int32Array(constraints.length).fill(-1);
  /** The smallest WHOLES counts holding all of a cell, in value order (ties in index order). */
  const smallestHolding = (cols: readonly number[]) => {
    const stamp = serial++;
    for (let i = 1; i < cols.length; i++) {
      for (const c of holding[slot[cols[i]!]!]!) {
        if (heldStamp[c] !== stamp) {
          heldStamp[c] = stamp;
          heldAt[c] = 0;
        }
        heldAt[c]!++;
      }
    }
    // Every count holding the cell holds its first column: those, with the rest held, kept in order.
    const wholes: number[] = [];
    for (const c of cols.length > 0 ? holding[slot[cols[0]!]!]! : []) {
      if (cols.length > 1 && (heldStamp[c] !== stamp || heldAt[c] !== cols.length - 1)) continue;
      const value = constraints[c]!.value;
      if (wholes.length === WHOLES && value >= constraints[wholes[WHOLES - 1]!]!.value) continue;
      let at = Math.min(wholes.length, WHOLES - 1);
      wholes[at] = c;
      while (at > 0 && constraints[wholes[at - 1]!]!.value > value) {
        wholes[at] = wholes[at - 1]!;
        wholes[--at] = c;
      }
    }
    return wholes;
  };
  return hidden.map((cols) => {
    let bound = 0;
    const from = new Set<number>();
    for (const col of cols) {
      bound += upper[col]!;
      if (upperFrom[col]! >= 0) from.add(upperFrom[col]!);
    }
    // The published counts holding every column of the cell, smallest first.
    const wholes = smallestHolding(cols);
    let ownLeast = 0;
    for (const col of cols) ownLeast += lower[col]!;
    for (const c of wholes) {
      const mark = serial++;
      for (const col of cols) taken[col] = mark;
      let high = constraints[c]!.value - (least(c) - ownLeast);
      let largest = -1;
      for (const part of partsOf(c)) {
        const { cols: partCols, value } = constraints[part]!;
        if (partCols.some((col) => taken[col] === mark)) continue;
        for (const col of partCols) taken[col] = mark;
        // The part's own total replaces the least its columns can be.
        high -= value - least(part);
        if (largest < 0) largest = part;
      }
      // Lower by more than rounding: the fixed columns' values are taken off the sums first.
      if (high < bound - EPSILON) {
        bound = high;
        from.clear();
        from.add(largest >= 0 ? largest : c);
      }
    }
    return Math.floor(bound + EPSILON) < threshold ? from : new Set<number>();
  });
}
