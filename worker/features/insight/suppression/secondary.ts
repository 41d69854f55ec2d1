/**
 * The secondary suppression, as Statistics Norway's GaussSuppression chooses it: the
 * candidates are taken in order of priority, and one is published unless adding its vector to
 * the span of those already published would put a hidden (primary) cell's vector in it. Each
 * primary vector is kept reduced against the span (dense, one row per primary), so the test is
 * whether what is left of it is a multiple of what is left of the candidate.
 */
import { inv, mul, PRIME, subMul } from './modular.ts';
import { Span, type Vector } from './span.ts';

/** For each candidate (in the order given), whether it can be published. */
export function publishable(columns: number, primaries: readonly Vector[], candidates: readonly Vector[]): boolean[] {
  const span = new Span(columns);
  const count = primaries.length;
  // left[p * columns + col]: what is left of primary p outside the span.
  const left = new Int32Array(count * columns);
  const sizes = new Int32Array(count);
  // How many primaries have an entry in each column: a pivot none has costs nothing.
  const holders = new Int32Array(columns);
  primaries.forEach((vector, p) => {
    vector.cols.forEach((col, i) => {
      const at = p * columns + col;
      if (left[at] === 0) {
        sizes[p]!++;
        holders[col]!++;
      }
      left[at] = (left[at]! + vector.vals[i]!) % PRIME;
    });
  });
  const affected: number[] = [];
  return candidates.map((candidate) => {
    const rest = span.reduce(candidate);
    if (!rest) return true;
    let best = 0;
    for (let i = 1; i < rest.cols.length && holders[rest.cols[best]!]! > 0; i++) if (holders[rest.cols[i]!]! < holders[rest.cols[best]!]!) best = i;
    const pivot = rest.cols[best]!;
    const scale = inv(rest.vals[best]!);
    for (let i = 0; i < rest.vals.length; i++) rest.vals[i] = mul(rest.vals[i]!, scale);
    affected.length = 0;
    if (holders[pivot]! > 0) for (let p = 0; p < count; p++) if (left[p * columns + pivot] !== 0) affected.push(p);
    for (const p of affected) {
      if (sizes[p] !== rest.cols.length) continue;
      const base = p * columns;
      const factor = left[base + pivot]!;
      let same = true;
      for (let i = 0; i < rest.cols.length && same; i++) same = left[base + rest.cols[i]!] === mul(factor, rest.vals[i]!);
      if (same) return false;
    }
    span.add(rest, pivot);
    for (const p of affected) {
      const base = p * columns;
      const factor = left[base + pivot]!;
      for (let i = 0; i < rest.cols.length; i++) {
        const col = rest.cols[i]!;
        const before = left[base + col]!;
        const after = subMul(before, factor, rest.vals[i]!);
        left[base + col] = after;
        if (before === 0 && after !== 0) {
          sizes[p]!++;
          holders[col]!++;
        } else if (before !== 0 && after === 0) {
          sizes[p]!--;
          holders[col]!--;
        }
      }
    }
    return true;
  });
}
