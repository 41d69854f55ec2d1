/**
 * Many growing lists of 32-bit integers (or pairs of them, with `paired`) in one buffer, each
 * in a stretch of its own with room to grow. A list that outgrows its stretch moves to the end;
 * when the buffer is full, every list is copied into a new one, closed up. One buffer instead
 * of an array per list: the secondary step's lists grow by millions of entries a publication,
 * and as arrays each growth left garbage and each survivor was copied by the collector.
 */
export class Lists {
  /** The entries (and their pairs), list `l` at `start[l]`, `size[l]` long; replaced on growth. */
  first: Int32Array;
  second: Int32Array;
  readonly start: Int32Array;
  readonly size: Int32Array;
  private readonly room: Int32Array;
  private readonly paired: boolean;
  private top = 0;

  constructor(lists: number, paired: boolean, entries = 1024) {
    this.paired = paired;
    this.first = new Int32Array(entries);
    this.second = new Int32Array(paired ? entries : 0);
    this.start = new Int32Array(lists);
    this.size = new Int32Array(lists);
    this.room = new Int32Array(lists);
  }

  /** Room for `needed` entries in a list, keeping its entries (they may move, and the buffers change). */
  reserve(list: number, needed: number) {
    if (needed <= this.room[list]!) return;
    const room = Math.max(4, needed + (needed >> 1));
    if (this.top + room > this.first.length) return this.closeUp(list, room);
    const from = this.start[list]!;
    const size = this.size[list]!;
    this.first.copyWithin(this.top, from, from + size);
    if (this.paired) this.second.copyWithin(this.top, from, from + size);
    this.start[list] = this.top;
    this.room[list] = room;
    this.top += room;
  }

  push(list: number, value: number) {
    const size = this.size[list]!;
    this.reserve(list, size + 1);
    this.first[this.start[list]! + size] = value;
    this.size[list] = size + 1;
  }

  /** Empties a list and gives up its room. */
  clear(list: number) {
    this.size[list] = 0;
    this.room[list] = 0;
  }

  /** Copies every list into new buffers, half as large again as the room the lists take (and never smaller), giving `list` room for `room`. */
  private closeUp(list: number, room: number) {
    let needed = room;
    for (let l = 0; l < this.start.length; l++) if (l !== list) needed += this.room[l]!;
    const first = new Int32Array(Math.max(this.first.length, needed + (needed >> 1)));
    const second = new Int32Array(this.paired ? first.length : 0);
    let top = 0;
    for (let l = 0; l < this.start.length; l++) {
      const from = this.start[l]!;
      const size = this.size[l]!;
      // A long list is copied natively; a short one by hand, without making a view of it.
      if (size > 64) {
        first.set(this.first.subarray(from, from + size), top);
        if (this.paired) second.set(this.second.subarray(from, from + size), top);
      } else {
        for (let i = 0; i < size; i++) first[top + i] = this.first[from + i]!;
        if (this.paired) for (let i = 0; i < size; i++) second[top + i] = this.second[from + i]!;
      }
      this.start[l] = top;
      if (l === list) this.room[l] = room;
      top += this.room[l]!;
    }
    this.first = first;
    this.second = second;
    this.top = top;
  }
}
