/**
 * The interval checks (`pinnedBy`) against a plain statement of them: bounds propagated through
 * every shown sum, round after round, and each hidden cell bounded by the smallest shown counts
 * holding it, less their disjoint parts. The engine passes over sums that cannot move a bound
 * and picks the smallest counts without sorting them all; it must find exactly the same.
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
  for (let round = 0, moved = true; round < ROUNDS && moved; round++) {
    moved = false;
    constraints.forEach(({ cols, coefs, value }, c) => {
      const least = cols.reduce((sum, col, i) => sum + coefs[i]! * lower[col]!, 0);
      const unbounded = cols.filter((col) => upper[col] === Infinity).length;
      const most = cols.reduce((sum, col, i) => (upper[col] === Infinity ? sum : sum + coefs[i]! * upper[col]!), 0);
      cols.forEach((col, i) => {
        const coef = coefs[i]!;
        const high = (value - (least - coef * lower[col]!)) / coef;
        const wasUpper = upper[col]!;
        if (high < wasUpper - EPSILON) {
          upper[col] = high;
          upperFrom[col] = c;
          moved = true;
        }
        if (wasUpper === Infinity ? unbounded !== 1 : unbounded !== 0) return;
        const low = (value - (wasUpper === Infinity ? most : most - coef * wasUpper)) / coef;
        if (low > lower[col]! + EPSILON) {
          lower[col] = low;
          moved = true;
        }
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
    for (const { constraint, c } of wholes) {
      const taken = new Set(cols);
      let high = constraint.value - (least(c) - ownLeast);
      let largest = -1;
      for (const part of partsOf(c)) {
        const partCols = constraints[part]!.cols;
        if (partCols.some((col) => taken.has(col))) continue;
        for (const col of partCols) taken.add(col);
        high -= constraints[part]!.value - least(part);
        if (largest < 0) largest = part;
      }
      if (high < bound) {
        bound = high;
        from.clear();
        from.add(largest >= 0 ? largest : c);
      }
    }
    return Math.floor(bound + EPSILON) < threshold ? from : new Set<number>();
  });
}

/** Counts in a few columns, sums of them (some weighted, as a mean's are) and hidden cells among them. */
const problem = fc.integer({ min: 2, max: 8 }).chain((columns) => {
  const cols = fc.uniqueArray(fc.nat(columns - 1), { minLength: 1, maxLength: columns });
  return fc
    .record({
      counts: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: columns, maxLength: columns }),
      sums: fc.array(fc.record({ cols, weighted: fc.boolean(), weights: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: columns, maxLength: columns }) }), { minLength: 1, maxLength: 24 }),
      hidden: fc.array(cols, { minLength: 1, maxLength: 6 }),
      threshold: fc.constantFrom(3, 5),
      parts: fc.array(fc.array(fc.nat(23), { maxLength: 6 }), { minLength: 24, maxLength: 24 }),
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
      { numRuns: 600 },
    );
  });
});
