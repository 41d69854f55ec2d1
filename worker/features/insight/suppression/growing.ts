/** A growable array of 32-bit integers: `items` holds the first `length` (read and written in place). */
export class GrowingInts {
  items: Int32Array;
  length = 0;

  constructor(capacity = 4) {
    this.items = new Int32Array(capacity);
  }

  push(item: number) {
    this.reach(this.length + 1);
    this.items[this.length - 1] = item;
  }

  /** Makes the array at least `length` long; the new entries are 0. */
  reach(length: number) {
    if (length > this.items.length) {
      const grown = new Int32Array(Math.max(length, this.items.length * 2));
      grown.set(this.items);
      this.items = grown;
    }
    this.length = Math.max(this.length, length);
  }

  /** A copy of the first `length`. */
  get done() {
    return this.items.slice(0, this.length);
  }
}
