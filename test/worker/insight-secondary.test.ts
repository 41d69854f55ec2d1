/**
 * The secondary suppression's engine: the vectors it keeps in the moves' coordinates, checked
 * against dense arithmetic, and its choices checked against the rule itself, worked out densely by rank.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Coordinates } from '../../worker/features/insight/suppression/coordinates.ts';
import { inv, mul, PRIME } from '../../worker/features/insight/suppression/modular.ts';
import { publishable, type Vector } from '../../worker/features/insight/suppression/secondary.ts';

describe('vectors in the coordinates of the moves', () => {
  it.each([
    ['with', undefined],
    ['without', 0],
  ])('eliminate a pivot as dense arithmetic does, and know who holds each move (%s membership bits)', (_, membershipBits) => {
    const [vectors, moves] = [12, 16];
    const dense = fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.constant(1), fc.integer({ min: 1, max: PRIME - 1 })), { minLength: moves, maxLength: moves });
    const step = fc.record({ y: dense.filter((y) => y.some(Boolean)), pick: fc.nat() });
    fc.assert(
      fc.property(fc.array(dense, { minLength: vectors, maxLength: vectors }), fc.array(step, { maxLength: 30 }), (start, steps) => {
        const model = start.map((vector) => [...vector]);
        const kept = new Coordinates(vectors, moves, membershipBits);
        // Every third vector is flagged, before or after its entries are set.
        const flagged = (v: number) => v % 3 === 0;
        model.forEach((vector, v) => {
          if (flagged(v) && v % 2 === 0) kept.flag(v);
          const at = vector.flatMap((value, move) => (value ? [move] : []));
          // Split each value in two, to check that repeated moves are summed.
          kept.assign(v, [...at, ...at], [...at.map((move) => (vector[move]! + 1) % PRIME), ...at.map(() => PRIME - 1)]);
          if (flagged(v)) kept.flag(v);
        });
        for (const { y: dense, pick } of steps) {
          const support = Int32Array.from(dense.flatMap((value, move) => (value ? [move] : [])));
          const pivot = support[pick % support.length]!;
          const y = Float64Array.from(dense);
          const inSupport = Int32Array.from(dense, (value) => (value ? 7 : 0));
          kept.eliminate(pivot, y, support, inSupport, 7);
          const scale = inv(dense[pivot]!);
          for (const vector of model) {
            const factor = mul(vector[pivot]!, scale);
            if (factor) vector.forEach((value, move) => (vector[move] = (value - mul(factor, dense[move]!) + PRIME) % PRIME));
          }
        }
        model.forEach((vector, v) => {
          const from = kept.start(v);
          const entries = [...kept.movesAt.subarray(from, from + kept.size(v))].map((move, i) => [move, kept.valuesAt[from + i]!]).sort((a, b) => a[0]! - b[0]!);
          expect(entries).toEqual(vector.flatMap((value, move) => (value ? [[move, value]] : [])));
        });
        const into: number[] = [];
        for (let move = 0; move < moves; move++) {
          const holders = model.flatMap((vector, v) => (vector[move] ? [v] : []));
          expect(kept.holding(move)).toBe(holders.length);
          expect(kept.holdingFlagged(move)).toBe(holders.filter(flagged).length);
          kept.mayHold(move, into);
          expect(holders.filter((v) => !into.includes(v))).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** The rank of some vectors over the integers modulo the prime, by plain dense elimination. */
function rank(columns: number, vectors: readonly Vector[]) {
  const rows = vectors.map((vector) => {
    const dense = new Array<number>(columns).fill(0);
    vector.cols.forEach((col, i) => (dense[col] = (dense[col]! + vector.vals[i]!) % PRIME));
    return dense;
  });
  let found = 0;
  for (let col = 0; col < columns && found < rows.length; col++) {
    const at = rows.findIndex((row, index) => index >= found && row[col] !== 0);
    if (at < 0) continue;
    [rows[found], rows[at]] = [rows[at]!, rows[found]!];
    const pivot = rows[found]!;
    const scale = inv(pivot[col]!);
    for (let other = found + 1; other < rows.length; other++) {
      const factor = mul(rows[other]![col]!, scale);
      if (factor) rows[other] = rows[other]!.map((value, c) => (value - mul(factor, pivot[c]!) + PRIME) % PRIME);
    }
    found++;
  }
  return found;
}

/** The rule: a candidate is published unless it would put a primary in the span of the published ones. */
function byRank(columns: number, primaries: readonly Vector[], candidates: readonly Vector[]) {
  const published: Vector[] = [];
  const inSpan = (vectors: Vector[], vector: Vector) => rank(columns, [...vectors, vector]) === rank(columns, vectors);
  return candidates.map((candidate) => {
    const next = [...published, candidate];
    if (primaries.some((primary) => !inSpan(published, primary) && inSpan(next, primary))) return false;
    published.push(candidate);
    return true;
  });
}

describe('choosing the secondary suppressions', () => {
  const vector = (columns: number) =>
    fc
      .uniqueArray(fc.nat(columns - 1), { minLength: 1, maxLength: columns })
      .chain((cols) => fc.record({ cols: fc.constant(cols), vals: fc.array(fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 7 })), { minLength: cols.length, maxLength: cols.length }) }));
  const problem = fc.integer({ min: 2, max: 9 }).chain((columns) =>
    fc.record({ columns: fc.constant(columns), primaries: fc.array(vector(columns), { minLength: 1, maxLength: 5 }), candidates: fc.array(vector(columns), { maxLength: 14 }) }),
  );

  it('publishes exactly the candidates the rule allows', () => {
    fc.assert(
      fc.property(problem, ({ columns, primaries, candidates }) => {
        expect(publishable(columns, primaries, candidates)).toEqual(byRank(columns, primaries, candidates));
      }),
      { numRuns: 400 },
    );
  });

  it('publishes exactly those when most primaries are single fine cells, as where many units are small', () => {
    const single = (columns: number) => fc.nat(columns - 1).map((col) => ({ cols: [col], vals: [1] }));
    const mostlySingle = fc.integer({ min: 2, max: 9 }).chain((columns) =>
      fc.record({
        columns: fc.constant(columns),
        primaries: fc.array(fc.oneof(single(columns), single(columns), vector(columns)), { minLength: 1, maxLength: 6 }),
        candidates: fc.array(vector(columns), { maxLength: 14 }),
      }),
    );
    fc.assert(
      fc.property(mostlySingle, ({ columns, primaries, candidates }) => {
        expect(publishable(columns, primaries, candidates)).toEqual(byRank(columns, primaries, candidates));
      }),
      { numRuns: 400 },
    );
  });

  it('hides a cell that with a shown total would give away a hidden one', () => {
    // Cells a, b, c; a is hidden; the total a + b + c is shown first, so b or c must go.
    const cell = (col: number) => ({ cols: [col], vals: [1] });
    expect(publishable(3, [cell(0)], [{ cols: [0, 1, 2], vals: [1, 1, 1] }, cell(1), cell(2)])).toEqual([true, true, false]);
  });
});
