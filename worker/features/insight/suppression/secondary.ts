/**
 * The secondary suppression, as Statistics Norway's GaussSuppression chooses it: the
 * candidates are taken in order of priority, and one is published unless adding its vector to
 * the span of those already published would put a hidden (primary) cell's vector in it.
 *
 * The span is kept by its complement: a basis of the moves, the changes to the counts that
 * leave every published figure as it is (the kernel). A vector lies in the span when no move
 * changes it, so each vector is known by what the moves do to it, its coordinates: a candidate
 * with none is published already; one whose coordinates are a multiple of a primary's would
 * pin that primary; any other is published, and the moves are combined so that none changes
 * it (one move fewer). Only the columns' and the primaries' coordinates are kept; a candidate's
 * are the sum of its columns'. The decisions are the span's own, so the result is the same as
 * eliminating against the span, which filled in towards the margins taken first and was over
 * ten times slower on a large round (docs/suppression.md, "Performance").
 */
import { Coordinates } from './coordinates.ts';
import { inv, mul, PRIME } from './modular.ts';

export interface Vector {
  cols: number[];
  vals: number[];
}

/** For each candidate (in the order given), whether it can be published. */
export function publishable(columns: number, primaries: readonly Vector[], candidates: readonly Vector[]): boolean[] {
  // What each move does to each column (by column); at first each column moves alone.
  const byColumn = new Coordinates(columns, columns);
  for (let col = 0; col < columns; col++) byColumn.assign(col, [col], [1]);
  // A primary of one fine cell has that cell's coordinates: it is read from the columns' (flagged
  // there), not kept and eliminated a second time. Where many units are small, most primaries are.
  const wide: Vector[] = [];
  for (const vector of primaries) {
    if (vector.cols.length === 1) byColumn.flag(vector.cols[0]!);
    else wide.push(vector);
  }
  const ofPrimaries = new Coordinates(wide.length, columns);
  wide.forEach((vector, p) => ofPrimaries.assign(p, vector.cols, vector.vals));
  const y = new Float64Array(columns);
  const inSupport = new Int32Array(columns);
  let mark = 0;
  // The moves a candidate's coordinates have (`found` of them; a typed array keeps its room).
  const moves = new Int32Array(columns);
  const holders: number[] = [];
  // When each column is done with: after the last candidate that holds it (-1: none does); a
  // primary's own column never is. A column done with is never read again, so it is dropped and
  // no later elimination updates it. Candidates go largest first, so the columns of large fine
  // cells are done with early.
  const dies = new Int32Array(columns).fill(-1);
  candidates.forEach((candidate, at) => {
    for (const col of candidate.cols) dies[col] = at;
  });
  for (let col = 0; col < columns; col++) if (byColumn.isFlagged(col)) dies[col] = candidates.length;
  for (let col = 0; col < columns; col++) if (dies[col] === -1) byColumn.drop(col);
  // Dropping a column twice is dropping it once.
  const dropDone = (candidate: Vector, at: number) => {
    for (const col of candidate.cols) if (dies[col] === at) byColumn.drop(col);
  };
  return candidates.map((candidate, at) => {
    const verdict = decide(candidate, at);
    dropDone(candidate, at);
    return verdict;
  });

  function decide(candidate: Vector, at: number) {
    // The candidate's coordinates: y[move] for the moves it has (`moves`, then `support`).
    mark++;
    let found = 0;
    for (let i = 0; i < candidate.cols.length; i++) {
      const col = candidate.cols[i]!;
      const weight = candidate.vals[i]!;
      const movesAt = byColumn.movesAt;
      const values = byColumn.valuesAt;
      for (let k = byColumn.start(col), end = k + byColumn.size(col); k < end; k++) {
        const move = movesAt[k]!;
        if (inSupport[move] !== mark) {
          inSupport[move] = mark;
          y[move] = 0;
          moves[found++] = move;
        }
        // Both terms are residues: one subtraction reduces the sum (a remainder is slow in V8).
        const sum = y[move]! + mul(values[k]!, weight);
        y[move] = sum >= PRIME ? sum - PRIME : sum;
      }
    }
    let size = 0;
    for (let i = 0; i < found; i++) {
      const move = moves[i]!;
      if (y[move] !== 0) moves[size++] = move;
      else inSupport[move] = 0;
    }
    if (size === 0) return true;
    const support = moves.subarray(0, size);
    if (pins(ofPrimaries, byColumn, support, y, inSupport, mark, holders)) return false;
    // Combine the moves so that none changes the candidate, pivoting on the move whose
    // elimination touches least: the columns and primaries it changes. Of those, the move
    // that began as the column done with soonest: the vector it fills in is dropped soonest
    // (on a large round the first, largest candidates fill in most).
    const cost = (move: number) => byColumn.holding(move) + ofPrimaries.holding(move);
    let pivot = support[0]!;
    for (const move of support) if (cost(move) < cost(pivot) || (cost(move) === cost(pivot) && dies[move]! < dies[pivot]!)) pivot = move;
    // The columns this candidate is the last to hold go before the elimination: no use in updating them.
    dropDone(candidate, at);
    byColumn.eliminate(pivot, y, support, inSupport, mark);
    ofPrimaries.eliminate(pivot, y, support, inSupport, mark);
    return true;
  }
}

/**
 * Whether some primary's coordinates are a multiple of the candidate's (`y` over `support`):
 * a wide primary's, or a flagged column's. Such a primary holds every move the candidate
 * holds, so the primaries holding any one of them are enough to look through: the fewest.
 */
function pins(ofPrimaries: Coordinates, byColumn: Coordinates, support: Int32Array, y: Float64Array, inSupport: Int32Array, mark: number, holders: number[]) {
  const cost = (move: number) => ofPrimaries.holding(move) + (byColumn.holdingFlagged(move) > 0 ? byColumn.holding(move) : 0);
  let fewest = support[0]!;
  for (const move of support) if (cost(move) < cost(fewest)) fewest = move;
  if (cost(fewest) === 0) return false;
  const scale = inv(y[fewest]!);
  const among = (coordinates: Coordinates, flaggedOnly: boolean) => {
    coordinates.mayHold(fewest, holders);
    // A vector listed that no longer holds `fewest` fails the comparison: y holds it.
    for (const p of holders) {
      if (flaggedOnly && !coordinates.isFlagged(p)) continue;
      const size = coordinates.size(p);
      if (size !== support.length) continue;
      const moves = coordinates.movesAt;
      const values = coordinates.valuesAt;
      const from = coordinates.start(p);
      let factor = 0;
      for (let i = from; i < from + size; i++) if (moves[i] === fewest) factor = mul(values[i]!, scale);
      let same = true;
      for (let i = from; i < from + size && same; i++) same = inSupport[moves[i]!] === mark && values[i] === mul(factor, y[moves[i]!]!);
      if (same) return true;
    }
    return false;
  };
  return (ofPrimaries.holding(fewest) > 0 && among(ofPrimaries, false)) || (byColumn.holdingFlagged(fewest) > 0 && among(byColumn, true));
}
