/**
 * The interval checks (`pinnedBy`) against a plain statement of them: bounds propagated through
 * every shown sum, round after round, and each hidden cell bounded by the smallest shown counts
 * holding it, less their disjoint parts. The engine takes the columns fixed by a sum of their
 * own out of the other sums, passes over sums that cannot move a bound and picks the smallest
 * counts without sorting them all; it must find exactly the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pinnedBy, type Constraint } from '../../worker/features/insight/suppression/intervals.ts';

/** As the engine: 8 rounds at most, the 8 smallest counts holding a cell. */
const ROUNDS = 8;
const WHOLES = 8;
const EPSILON = 1e-9;

function plainPinnedBy(columns: number, constraints: readonly Constraint[], hidden: readonly number[][], threshold: number, partsOf: (c: number) => number[]) {
  const lower = new Array<number>(columns).fill(0);
  const upper = new Array<number>(columns).fill(Infinity);
  const upperFrom = new Array<number>(columns).fill(-1);
  // A sum of one column fixes it, before the rounds (the first such sum says).
  constraints.forEach(({ cols, coefs, value }, c) => {
    if (cols.length === 1 && upperFrom[cols[0]!] === -1) [lower[cols[0]!], upper[cols[0]!], upperFrom[cols[0]!]] = [value / coefs[0]!, value / coefs[0]!, c];
  });
  for (let round = 0, moved = true; round < ROUNDS && moved; round++) {
    moved = false;
    constraints.forEach(({ cols, coefs, value }, c) => {
      if (cols.length === 1) return;
      const least = cols.reduce((sum, col, i) => sum + coefs[i]! * lower[col]!, 0);
      const unbounded = cols.filter((col) => upper[col] === Infinity).length;
      const most = cols.reduce((sum, col, i) => (upper[col] === Infinity ? sum : sum + coefs[i]! * upper[col]!), 0);
      cols.forEach((col, i) => {
        // The rest of the sum: the least and the most it can be (the most only where all of it is bounded).
        const coef = coefs[i]!;
        const wasUpper = upper[col]!;
        const rest = { least: least - coef * lower[col]!, most: wasUpper === Infinity ? most : most - coef * wasUpper, unbounded: unbounded - (wasUpper === Infinity ? 1 : 0) };
        const [high, low] = [(value - rest.least) / coef, (value - rest.most) / coef];
        if (high < wasUpper - EPSILON) [upper[col], upperFrom[col], moved] = [high, c, true];
        if (rest.unbounded === 0 && low > lower[col]! + EPSILON) [lower[col], moved] = [low, true];
      });
    });
  }
  const least = (c: number) => constraints[c]!.cols.reduce((sum, col) => sum + lower[col]!, 0);
  return hidden.map((cols) => {
    let bound = cols.reduce((sum, col) => sum + upper[col]!, 0);
    const from = new Set(cols.map((col) => upperFrom[col]!).filter((c) => c >= 0));
    const wholes = constraints
      .map((constraint, c) => ({ constraint, c }))
      .filter(({ constraint }) => constraint.coefs.every((coef) => coef === 1) && cols.every((col) => constraint.cols.includes(col)))
      .sort((a, b) => a.constraint.value - b.constraint.value)
      .slice(0, WHOLES);
    const ownLeast = cols.reduce((sum, col) => sum + lower[col]!, 0);
    let pinnedFrom = from;
    for (const { constraint, c } of wholes) {
      // Its parts in order, each kept where it shares no column with the cell or a part kept before.
      const taken = new Set(cols);
      const disjoint = partsOf(c).filter((part) => !constraints[part]!.cols.some((col) => taken.has(col)) && constraints[part]!.cols.every((col) => taken.add(col)));
      const high = disjoint.reduce((sum, part) => sum - (constraints[part]!.value - least(part)), constraint.value - (least(c) - ownLeast));
      if (high < bound - EPSILON) [bound, pinnedFrom] = [high, new Set([disjoint[0] ?? c])];
    }
    return Math.floor(bound + EPSILON) < threshold ? pinnedFrom : new Set<number>();
  });
}

/** Counts in a few columns, sums of them (some weighted, as a mean's are) and hidden cells among them. */
const problem = fc.integer({ min: 2, max: 8 }).chain((columns) => {
  const cols = fc.uniqueArray(fc.nat(columns - 1), { minLength: 1, maxLength: columns });
  return fc
    .record({
      // Small counts and many sums: many ties among the counts holding a cell, more than the checks take.
      counts: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: columns, maxLength: columns }),
      sums: fc.array(fc.record({ cols, weighted: fc.integer({ min: 0, max: 3 }).map((n) => n === 0), weights: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: columns, maxLength: columns }) }), { minLength: 1, maxLength: 32 }),
      hidden: fc.array(cols, { minLength: 1, maxLength: 6 }),
      threshold: fc.constantFrom(3, 5),
      parts: fc.array(fc.array(fc.nat(31), { maxLength: 6 }), { minLength: 32, maxLength: 32 }),
    })
    .map(({ counts, sums, hidden, threshold, parts }) => {
      const constraints: Constraint[] = sums.map(({ cols: sumCols, weighted, weights }) => {
        const coefs = sumCols.map((col) => (weighted ? weights[col]! : 1));
        return { cols: sumCols, coefs, value: sumCols.reduce((sum, col, i) => sum + coefs[i]! * counts[col]!, 0) };
      });
      // Any list of other sums will do as a count's parts: the checks take the disjoint ones.
      const partsOf = (c: number) => parts[c]!.filter((part) => part < constraints.length && part !== c);
      return { columns, constraints, hidden, threshold, partsOf };
    });
});

describe('the interval checks', () => {
  it('find exactly the pins a plain propagation and the smallest holding counts find', () => {
    fc.assert(
      fc.property(problem, ({ columns, constraints, hidden, threshold, partsOf }) => {
        const found = pinnedBy(columns, constraints, hidden, threshold, partsOf).map((from) => [...from].sort((a, b) => a - b));
        const plain = plainPinnedBy(columns, constraints, hidden, threshold, partsOf).map((from) => [...from].sort((a, b) => a - b));
        expect(found).toEqual(plain);
      }),
      { numRuns: 1000 },
    );
  });
});
