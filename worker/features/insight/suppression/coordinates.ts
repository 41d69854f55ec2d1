/**
 * Vectors written in the coordinates of the moves (see secondary.ts), each kept sparse and
 * contiguous, with for each move the vectors that have an entry there. The one change they
 * undergo is an elimination: every vector holding the pivot move loses a multiple of the
 * candidate's coordinates, so that none holds the pivot after it. Contiguous arrays keep that
 * a walk through memory in order; a hash table of entries was one and a half times slower.
 */
import { inv, mul, PRIME } from './modular.ts';

/** Up to 16 MB of membership bits by default (see `holds`). */
const MEMBERSHIP_BITS = 2 ** 27;

export class Coordinates {
  private readonly at: number[][];
  private readonly values: number[][];
  /** The vectors that have had an entry at each move (some may have lost it since). */
  private readonly holders: number[][];
  /** How many vectors hold each move now. */
  private readonly held: Int32Array;
  /** Vectors flagged as of interest (see `flag`), and how many of them hold each move. */
  private readonly flagged: Uint8Array;
  private readonly heldFlagged: Int32Array;
  /** Stamps: which vectors a walk has met, which moves an elimination has changed. */
  private readonly seen: Int32Array;
  private readonly done: Int32Array;
  private stamp = 0;
  /** Which vectors hold which moves, a bit each, where that fits; else null. */
  private readonly member: Int32Array | null;
  private readonly moves: number;

  /** `membershipBits`: the most bits of `holds` to keep; a larger set walks the lists instead. */
  constructor(vectors: number, moves: number, membershipBits = MEMBERSHIP_BITS) {
    this.at = Array.from({ length: vectors }, () => []);
    this.values = Array.from({ length: vectors }, () => []);
    this.holders = Array.from({ length: moves }, () => []);
    this.held = new Int32Array(moves);
    this.flagged = new Uint8Array(vectors);
    this.heldFlagged = new Int32Array(moves);
    this.seen = new Int32Array(vectors);
    this.done = new Int32Array(moves);
    this.moves = moves;
    this.member = vectors * moves <= Math.min(membershipBits, 2 ** 31) ? new Int32Array(Math.ceil((vectors * moves) / 32)) : null;
  }

  /** Sets a vector that holds nothing yet; repeated moves are summed. */
  assign(vector: number, moves: readonly number[], values: readonly number[]) {
    const sums = new Map<number, number>();
    moves.forEach((move, i) => sums.set(move, ((sums.get(move) ?? 0) + values[i]!) % PRIME));
    for (const [move, value] of sums) if (value !== 0) this.append(vector, move, value);
  }

  /** Flags a vector, so that `holdingFlagged` counts it. */
  flag(vector: number) {
    if (this.flagged[vector]) return;
    this.flagged[vector] = 1;
    const at = this.at[vector]!;
    for (let i = 0; i < at.length; i++) this.heldFlagged[at[i]!]!++;
  }

  isFlagged(vector: number) {
    return this.flagged[vector] === 1;
  }

  /** How many flagged vectors hold a move. */
  holdingFlagged(move: number) {
    return this.heldFlagged[move]!;
  }

  /** The moves where a vector has entries (read only; `size(vector)` long). */
  movesOf(vector: number): readonly number[] {
    return this.at[vector]!;
  }

  /** A vector's entries, alongside `movesOf`. */
  valuesOf(vector: number): readonly number[] {
    return this.values[vector]!;
  }

  size(vector: number) {
    return this.at[vector]!.length;
  }

  /** How many vectors hold a move. */
  holding(move: number) {
    return this.held[move]!;
  }

  /**
   * The vectors that may hold a move, in `into`: every one that does, perhaps with some that no
   * longer do, or twice (a reader that checks its entries needs no more). The list is compacted
   * when stale entries outnumber the holders.
   */
  mayHold(move: number, into: number[]) {
    const list = this.holders[move]!;
    if (list.length > 2 * this.held[move]! + 8) {
      const seen = ++this.stamp;
      let kept = 0;
      for (let i = 0; i < list.length; i++) {
        const vector = list[i]!;
        if (this.seen[vector] === seen || !this.holds(vector, move) || (this.member === null && this.entry(vector, move) === 0)) continue;
        this.seen[vector] = seen;
        list[kept++] = vector;
      }
      list.length = kept;
    }
    into.length = list.length;
    for (let i = 0; i < list.length; i++) into[i] = list[i]!;
  }

  /**
   * For every vector v holding `pivot`: v −= (v[pivot] / y[pivot]) · y, where y is given by
   * its entries at the moves in `support` (y[move], non-zero, `inSupport[move] === mark`).
   */
  eliminate(pivot: number, y: Float64Array, support: readonly number[], inSupport: Int32Array, mark: number) {
    const list = this.holders[pivot]!;
    const scale = inv(y[pivot]!);
    const seen = ++this.stamp;
    // No vector gains the pivot here, so the list stays as it is while it is walked.
    for (let h = 0; h < list.length; h++) {
      const vector = list[h]!;
      if (this.seen[vector] === seen) continue;
      this.seen[vector] = seen;
      if (!this.holds(vector, pivot)) continue;
      const own = this.entry(vector, pivot);
      if (own === 0) continue;
      const factor = mul(own, scale);
      const at = this.at[vector]!;
      const values = this.values[vector]!;
      const done = ++this.stamp;
      let kept = 0;
      const size = at.length;
      for (let i = 0; i < size; i++) {
        const move = at[i]!;
        let value = values[i]!;
        if (inSupport[move] === mark) {
          value -= mul(factor, y[move]!);
          if (value < 0) value += PRIME;
          this.done[move] = done;
        }
        if (value === 0) {
          this.release(vector, move);
          continue;
        }
        at[kept] = move;
        values[kept++] = value;
      }
      // The moves it gains go where cancelled ones were, then at the end: an array is never
      // shortened to be lengthened again.
      for (const move of support) if (this.done[move] !== done) this.append(vector, move, PRIME - mul(factor, y[move]!), kept++);
      if (kept < size) {
        at.length = kept;
        values.length = kept;
      }
    }
    list.length = 0;
  }

  /** Empties a vector for good: no elimination changes it again (its holders' entries go stale). */
  drop(vector: number) {
    const at = this.at[vector]!;
    for (let i = 0; i < at.length; i++) this.release(vector, at[i]!);
    at.length = 0;
    this.values[vector]!.length = 0;
  }

  /** Gives a vector an entry at `index` (by default its end), over whatever was there. */
  private append(vector: number, move: number, value: number, index = this.at[vector]!.length) {
    this.toggle(vector, move);
    this.at[vector]![index] = move;
    this.values[vector]![index] = value;
    this.holders[move]!.push(vector);
    this.held[move]!++;
    if (this.flagged[vector]) this.heldFlagged[move]!++;
  }

  /** The counts' side of a vector losing its entry at a move (the entry itself is the caller's). */
  private release(vector: number, move: number) {
    this.toggle(vector, move);
    this.held[move]!--;
    if (this.flagged[vector]) this.heldFlagged[move]!--;
  }

  /**
   * Whether a vector holds a move: exactly, by its bit, where there are bits, so that the many
   * stale entries of the holders' lists (entries that cancelled out) are passed by without a
   * walk; where there are none, always true (the entry says).
   */
  private holds(vector: number, move: number) {
    if (this.member === null) return true;
    const bit = vector * this.moves + move;
    return (this.member[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  private toggle(vector: number, move: number) {
    if (this.member === null) return;
    const bit = vector * this.moves + move;
    this.member[bit >>> 5]! ^= 1 << (bit & 31);
  }

  private entry(vector: number, move: number) {
    const at = this.at[vector]!;
    for (let i = 0; i < at.length; i++) if (at[i] === move) return this.values[vector]![i]!;
    return 0;
  }
}
