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

const ROUNDS = 12;
const EPSILON = 1e-9;

/**
 * For each hidden cell (a set of columns) whose upper bound is below the threshold, the
 * constraints that set that bound; hiding them widens it.
 */
export function pinnedBy(columns: number, constraints: readonly Constraint[], hidden: readonly number[][], threshold: number): Set<number>[] {
  const lower = new Float64Array(columns);
  const upper = new Float64Array(columns).fill(Infinity);
  const upperFrom = new Int32Array(columns).fill(-1);
  for (let round = 0, moved = true; round < ROUNDS && moved; round++) {
    moved = false;
    constraints.forEach(({ cols, coefs, value }, c) => {
      let least = 0;
      let most = 0;
      let unbounded = 0;
      for (let i = 0; i < cols.length; i++) {
        least += coefs[i]! * lower[cols[i]!]!;
        if (upper[cols[i]!] === Infinity) unbounded++;
        else most += coefs[i]! * upper[cols[i]!]!;
      }
      for (let i = 0; i < cols.length; i++) {
        const col = cols[i]!;
        const high = (value - (least - coefs[i]! * lower[col]!)) / coefs[i]!;
        if (high < upper[col]! - EPSILON) {
          upper[col] = high;
          upperFrom[col] = c;
          moved = true;
        }
        const othersBounded = upper[col] === Infinity ? unbounded === 1 : unbounded === 0;
        if (!othersBounded) continue;
        const rest = upper[col] === Infinity ? most : most - coefs[i]! * upper[col]!;
        const low = (value - rest) / coefs[i]!;
        if (low > lower[col]! + EPSILON) {
          lower[col] = low;
          moved = true;
        }
      }
    });
  }
  // A hidden cell is also bounded by any published sum that holds all of it.
  const holding = new Map<number, number[]>();
  constraints.forEach(({ cols, coefs }, c) => {
    if (coefs.every((coef) => coef === 1)) for (const col of cols) (holding.get(col) ?? holding.set(col, []).get(col)!).push(c);
  });
  return hidden.map((cols) => {
    let bound = 0;
    const from = new Set<number>();
    for (const col of cols) {
      bound += upper[col]!;
      if (upperFrom[col]! >= 0) from.add(upperFrom[col]!);
    }
    const inside = new Set(cols);
    for (const c of holding.get(cols[0]!) ?? []) {
      const sum = constraints[c]!;
      if (!cols.every((col) => sum.cols.includes(col))) continue;
      let high = sum.value;
      for (const col of sum.cols) if (!inside.has(col)) high -= lower[col]!;
      if (high < bound) {
        bound = high;
        from.clear();
        from.add(c);
      }
    }
    return Math.floor(bound + EPSILON) < threshold ? from : new Set<number>();
  });
}
