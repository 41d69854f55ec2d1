/**
 * Vectors written in the coordinates of the moves (see secondary.ts), each kept sparse and
 * contiguous, with for each move the vectors that have an entry there. The one change they
 * undergo is an elimination: every vector holding the pivot move loses a multiple of the
 * candidate's coordinates, so that none holds the pivot after it. Contiguous entries keep that
 * a walk through memory in order; a hash table of entries was one and a half times slower.
 */
import { Lists } from './lists.ts';
import { inv, mul, PRIME } from './modular.ts';

/** Up to 16 MB of membership bits by default (see `holds`). */
const MEMBERSHIP_BITS = 2 ** 27;

export class Coordinates {
  /** Each vector's moves (`first`) and values there (`second`). */
  private readonly entries: Lists;
  /** The vectors that have had an entry at each move (some may have lost it since). */
  private readonly holders: Lists;
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
  /** The pivot's holders while an elimination walks them (their list grows meanwhile). */
  private walk = new Int32Array(64);

  /** `membershipBits`: the most bits of `holds` to keep; a larger set walks the lists instead. */
  constructor(vectors: number, moves: number, membershipBits = MEMBERSHIP_BITS) {
    this.entries = new Lists(vectors, true, 64 * (vectors + 1));
    // A holder that no longer holds the move goes when the lists are closed up (where bits say so).
    this.holders = new Lists(moves, false, 64 * (moves + 1), (move, vector) => this.holds(vector, move));
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
    this.entries.reserve(vector, moves.length);
    // A fine cell's own vector, most of them, has one move: nothing to sum.
    if (moves.length === 1) return this.put(vector, moves[0]!, values[0]! % PRIME);
    const sums = new Map<number, number>();
    moves.forEach((move, i) => sums.set(move, ((sums.get(move) ?? 0) + values[i]!) % PRIME));
    for (const [move, value] of sums) this.put(vector, move, value);
  }

  /** Adds an entry after a vector's last (room reserved), unless it is 0. */
  private put(vector: number, move: number, value: number) {
    if (value !== 0) this.append(vector, move, value, this.entries.size[vector]!++);
  }

  /** Flags a vector, so that `holdingFlagged` counts it. */
  flag(vector: number) {
    if (this.flagged[vector]) return;
    this.flagged[vector] = 1;
    const { first, start, size } = this.entries;
    for (let i = start[vector]!, end = i + size[vector]!; i < end; i++) this.heldFlagged[first[i]!]!++;
  }

  isFlagged(vector: number) {
    return this.flagged[vector] === 1;
  }

  /** How many flagged vectors hold a move. */
  holdingFlagged(move: number) {
    return this.heldFlagged[move]!;
  }

  /**
   * Every vector's moves, from `start(vector)`, `size(vector)` long; read only, and good until
   * the next change (an elimination may move them).
   */
  get movesAt(): Int32Array {
    return this.entries.first;
  }

  /** The values at those moves, alongside `movesAt`. */
  get valuesAt(): Int32Array {
    return this.entries.second;
  }

  start(vector: number) {
    return this.entries.start[vector]!;
  }

  size(vector: number) {
    return this.entries.size[vector]!;
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
    const { first, start, size } = this.holders;
    const from = start[move]!;
    let length = size[move]!;
    if (length > 2 * this.held[move]! + 8) {
      const seen = ++this.stamp;
      let kept = from;
      for (let i = from; i < from + length; i++) {
        const vector = first[i]!;
        if (this.seen[vector] === seen || !this.holds(vector, move) || (this.member === null && this.entry(vector, move) === 0)) continue;
        this.seen[vector] = seen;
        first[kept++] = vector;
      }
      length = size[move] = kept - from;
    }
    into.length = length;
    for (let i = 0; i < length; i++) into[i] = first[from + i]!;
  }

  /**
   * For every vector v holding `pivot`: v −= (v[pivot] / y[pivot]) · y, where y is given by
   * its entries at the moves in `support` (y[move], non-zero, `inSupport[move] === mark`).
   */
  eliminate(pivot: number, y: Float64Array, support: Int32Array, inSupport: Int32Array, mark: number) {
    const count = this.holders.size[pivot]!;
    if (this.walk.length < count) this.walk = new Int32Array(2 * count);
    const walk = this.walk;
    walk.set(this.holders.first.subarray(this.holders.start[pivot]!, this.holders.start[pivot]! + count));
    // No vector gains the pivot here: after this none holds it, and the list is given up.
    this.holders.clear(pivot);
    const scale = inv(y[pivot]!);
    const seen = ++this.stamp;
    const entries = this.entries;
    for (let h = 0; h < count; h++) {
      const vector = walk[h]!;
      if (this.seen[vector] === seen) continue;
      this.seen[vector] = seen;
      if (!this.holds(vector, pivot)) continue;
      const own = this.entry(vector, pivot);
      if (own === 0) continue;
      const factor = mul(own, scale);
      const done = ++this.stamp;
      const from = entries.start[vector]!;
      const end = from + entries.size[vector]!;
      const moves = entries.first;
      const values = entries.second;
      let kept = from;
      let met = 0;
      for (let i = from; i < end; i++) {
        const move = moves[i]!;
        let value = values[i]!;
        if (inSupport[move] === mark) {
          value -= mul(factor, y[move]!);
          if (value < 0) value += PRIME;
          this.done[move] = done;
          met++;
        }
        if (value === 0) {
          this.release(vector, move);
          continue;
        }
        moves[kept] = move;
        values[kept++] = value;
      }
      // The moves it gains follow the ones it kept.
      let size = kept - from;
      entries.size[vector] = size;
      const gains = support.length - met;
      if (gains === 0) continue;
      entries.reserve(vector, size + gains);
      for (let i = 0; i < support.length; i++) {
        const move = support[i]!;
        if (this.done[move] !== done) this.append(vector, move, PRIME - mul(factor, y[move]!), size++);
      }
      entries.size[vector] = size;
    }
  }

  /** Empties a vector for good: no elimination changes it again (its holders' entries go stale). */
  drop(vector: number) {
    const { first, start, size } = this.entries;
    for (let i = start[vector]!, end = i + size[vector]!; i < end; i++) this.release(vector, first[i]!);
    this.entries.clear(vector);
  }

  /** Writes a vector's entry at place `index` of its list (room reserved), over whatever was there. */
  private append(vector: number, move: number, value: number, index: number) {
    this.toggle(vector, move);
    const at = this.entries.start[vector]! + index;
    this.entries.first[at] = move;
    this.entries.second[at] = value;
    this.holders.push(move, vector);
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
    const { first, second, start, size } = this.entries;
    for (let i = start[vector]!, end = i + size[vector]!; i < end; i++) if (first[i] === move) return second[i]!;
    return 0;
  }
}
