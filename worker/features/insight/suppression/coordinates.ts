/**
 * Vectors written in the coordinates of the moves (see secondary.ts), each kept sparse and
 * contiguous, with for each move the vectors that have an entry there. The one change they
 * undergo is an elimination: every vector holding the pivot move loses a multiple of the
 * candidate's coordinates, so that none holds the pivot after it. Contiguous arrays keep that
 * a walk through memory in order; a hash table of entries was several times slower here.
 */
import { inv, mul, PRIME } from './modular.ts';

/** A growable list of numbers. */
class Growing {
  items = new Int32Array(2);
  length = 0;

  push(item: number) {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = item;
  }
}

export class Coordinates {
  private readonly at: Growing[];
  private readonly values: Growing[];
  /** The vectors that have had an entry at each move (some may have lost it since). */
  private readonly holders: Growing[];
  /** How many vectors hold each move now. */
  private readonly held: Int32Array;
  private readonly marks: Int32Array;
  private mark = 0;

  constructor(vectors: number, moves: number) {
    this.at = Array.from({ length: vectors }, () => new Growing());
    this.values = Array.from({ length: vectors }, () => new Growing());
    this.holders = Array.from({ length: moves }, () => new Growing());
    this.held = new Int32Array(moves);
    this.marks = new Int32Array(Math.max(vectors, moves));
  }

  /** Sets a vector that holds nothing yet; repeated moves are summed. */
  assign(vector: number, moves: readonly number[], values: readonly number[]) {
    const sums = new Map<number, number>();
    moves.forEach((move, i) => sums.set(move, ((sums.get(move) ?? 0) + values[i]!) % PRIME));
    for (const [move, value] of sums) if (value !== 0) this.append(vector, move, value);
  }

  /** The moves where a vector has entries; read only, the first `size(vector)`. */
  movesOf(vector: number): Int32Array {
    return this.at[vector]!.items;
  }

  /** A vector's entries, alongside `movesOf`. */
  valuesOf(vector: number): Int32Array {
    return this.values[vector]!.items;
  }

  size(vector: number) {
    return this.at[vector]!.length;
  }

  /** How many vectors hold a move. */
  holding(move: number) {
    return this.held[move]!;
  }

  /** The vectors holding a move, in `into`. */
  holdersOf(move: number, into: number[]) {
    const list = this.holders[move]!;
    into.length = 0;
    if (list.length === this.held[move]) {
      // Exact: every vector listed holds the move, once.
      for (let i = 0; i < list.length; i++) into.push(list.items[i]!);
      return;
    }
    const mark = ++this.mark;
    let kept = 0;
    for (let i = 0; i < list.length; i++) {
      const vector = list.items[i]!;
      if (this.marks[vector] === mark || this.entry(vector, move) === 0) continue;
      this.marks[vector] = mark;
      list.items[kept++] = vector;
      into.push(vector);
    }
    // Compacted as it is walked: each holder once.
    list.length = kept;
  }

  /**
   * For every vector v holding `pivot`: v −= (v[pivot] / y[pivot]) · y, where y is given by
   * its entries at the moves in `support` (y[move], non-zero, `inSupport[move] === mark`).
   */
  eliminate(pivot: number, y: Float64Array, support: readonly number[], inSupport: Int32Array, mark: number) {
    const vectors: number[] = [];
    this.holdersOf(pivot, vectors);
    const scale = inv(y[pivot]!);
    for (const vector of vectors) {
      const factor = mul(this.entry(vector, pivot), scale);
      const at = this.at[vector]!;
      const values = this.values[vector]!;
      const done = ++this.mark;
      let kept = 0;
      for (let i = 0; i < at.length; i++) {
        const move = at.items[i]!;
        let value = values.items[i]!;
        if (inSupport[move] === mark) {
          value -= mul(factor, y[move]!);
          if (value < 0) value += PRIME;
          this.marks[move] = done;
        }
        if (value === 0) {
          this.held[move]!--;
          continue;
        }
        at.items[kept] = move;
        values.items[kept++] = value;
      }
      at.length = kept;
      values.length = kept;
      for (const move of support) if (this.marks[move] !== done) this.append(vector, move, PRIME - mul(factor, y[move]!));
    }
    this.holders[pivot]!.length = 0;
  }

  private append(vector: number, move: number, value: number) {
    this.at[vector]!.push(move);
    this.values[vector]!.push(value);
    this.holders[move]!.push(vector);
    this.held[move]!++;
  }

  private entry(vector: number, move: number) {
    const at = this.at[vector]!;
    for (let i = 0; i < at.length; i++) if (at.items[i] === move) return this.values[vector]!.items[i]!;
    return 0;
  }
}
