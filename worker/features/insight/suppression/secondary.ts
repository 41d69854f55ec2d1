/**
 * The secondary suppression, as Statistics Norway's GaussSuppression chooses it: the
 * candidates are taken in order of priority, and one is published unless adding its vector to
 * the span of those already published would put a hidden (primary) cell's vector in it. Each
 * primary vector is kept reduced against the span, so the test is whether what is left of it
 * is a multiple of what is left of the candidate.
 */
import { inv, mod, mul } from './modular.ts';
import { Span, type Vector } from './span.ts';

/** For each candidate (in the order given), whether it can be published. */
export function publishable(columns: number, primaries: readonly Vector[], candidates: readonly Vector[]): boolean[] {
  const span = new Span(columns);
  const left = primaries.map((vector) => {
    const entries = new Map<number, number>();
    vector.cols.forEach((col, i) => entries.set(col, mod((entries.get(col) ?? 0) + vector.vals[i]!)));
    return entries;
  });
  // Which primaries have an entry in each column.
  const holders = new Map<number, Set<number>>();
  left.forEach((entries, p) => {
    for (const col of entries.keys()) {
      const set = holders.get(col);
      if (set) set.add(p);
      else holders.set(col, new Set([p]));
    }
  });
  const none = new Set<number>();
  return candidates.map((candidate) => {
    const rest = span.reduce(candidate);
    if (!rest) return true;
    // Any column of what is left can be its pivot: the one fewest primaries touch saves work.
    let best = 0;
    for (let i = 1; i < rest.cols.length && (holders.get(rest.cols[best]!)?.size ?? 0) > 0; i++) {
      if ((holders.get(rest.cols[i]!)?.size ?? 0) < (holders.get(rest.cols[best]!)?.size ?? 0)) best = i;
    }
    const pivot = rest.cols[best]!;
    const scale = inv(rest.vals[best]!);
    for (let i = 0; i < rest.vals.length; i++) rest.vals[i] = mul(rest.vals[i]!, scale);
    const affected = [...(holders.get(pivot) ?? none)];
    for (const p of affected) {
      const entries = left[p]!;
      if (entries.size !== rest.cols.length) continue;
      const factor = entries.get(pivot)!;
      if (rest.cols.every((col, i) => entries.get(col) === mul(factor, rest.vals[i]!))) return false;
    }
    span.add(rest, pivot);
    for (const p of affected) {
      const entries = left[p]!;
      const factor = entries.get(pivot)!;
      rest.cols.forEach((col, i) => {
        const value = mod((entries.get(col) ?? 0) - mul(factor, rest.vals[i]!));
        if (value === 0) {
          entries.delete(col);
          holders.get(col)?.delete(p);
        } else {
          if (!entries.has(col)) {
            const set = holders.get(col);
            if (set) set.add(p);
            else holders.set(col, new Set([p]));
          }
          entries.set(col, value);
        }
      });
    }
    return true;
  });
}
