/**
 * Many growing lists of 32-bit integers (or pairs of them, with `paired`) in one buffer, each
 * in a stretch of its own with room to grow. A list that outgrows its stretch moves to the end;
 * when the buffer is full, the lists are closed up (into larger buffers where little would be
 * left free). One buffer instead of an array per list: the secondary step's lists grow by
 * millions of entries a publication, and as arrays each growth left garbage and each survivor
 * was copied by the collector.
 */

/** Room for `needed` entries and half as many again: for a list, and for the buffer. */
const roomFor = (needed: number) => needed + (needed >> 1);

export class Lists {
  /** The entries (and their pairs), list `l` at `start[l]`, `size[l]` long; replaced on growth. */
  first: Int32Array;
  second: Int32Array;
  readonly start: Int32Array;
  readonly size: Int32Array;
  private readonly room: Int32Array;
  private readonly paired: boolean;
  private readonly keep: ((list: number, value: number) => boolean) | undefined;
  private top = 0;

  /** `keep`: whether an entry is still wanted; one that is not goes at a close-up. */
  constructor(lists: number, paired: boolean, entries = 1024, keep?: (list: number, value: number) => boolean) {
    this.paired = paired;
    this.keep = keep;
    this.first = new Int32Array(entries);
    this.second = new Int32Array(paired ? entries : 0);
    this.start = new Int32Array(lists);
    this.size = new Int32Array(lists);
    this.room = new Int32Array(lists);
  }

  /** Room for `needed` entries in a list, keeping its entries (they may move, and the buffers change). */
  reserve(list: number, needed: number) {
    if (needed <= this.room[list]!) return;
    const room = Math.max(4, roomFor(needed));
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

  /**
   * Closes up the buffer in place, every list kept in order and with its room, and gives `list`
   * room for `room` at the end; only where that leaves less than a fifth free are the buffers
   * replaced, by ones half as large again as the lists' room. (Replacing them at every close-up
   * left the old ones for the collector: over 100 MB of buffers waiting at once on a large round.)
   */
  private closeUp(list: number, room: number) {
    const own = this.first.slice(this.start[list]!, this.start[list]! + this.size[list]!);
    const ownSecond = this.paired ? this.second.slice(this.start[list]!, this.start[list]! + this.size[list]!) : this.second;
    this.room[list] = 0;
    this.size[list] = 0;
    // Each list slides down to where the ones before it end: never onto one not yet moved. The
    // order by start is a plain numeric sort of start and list in one number.
    const lists = this.start.length;
    const order = new Float64Array(lists);
    for (let l = 0; l < lists; l++) order[l] = this.start[l]! * lists + l;
    order.sort();
    let top = 0;
    for (const key of order) {
      const l = key % lists;
      const from = this.start[l]!;
      const size = this.size[l]!;
      if (this.keep) {
        let kept = top;
        for (let i = from; i < from + size; i++) {
          if (!this.keep(l, this.first[i]!)) continue;
          this.first[kept] = this.first[i]!;
          if (this.paired) this.second[kept] = this.second[i]!;
          kept++;
        }
        this.size[l] = kept - top;
      } else if (from !== top && size > 0) {
        this.first.copyWithin(top, from, from + size);
        if (this.paired) this.second.copyWithin(top, from, from + size);
      }
      this.start[l] = top;
      top += this.room[l]!;
    }
    // Too little room left for the lists to grow: larger buffers, half as large again as the room taken.
    const needed = top + room;
    if (needed + (needed >> 2) > this.first.length) {
      const length = roomFor(needed);
      const first = new Int32Array(length);
      first.set(this.first.subarray(0, top));
      this.first = first;
      if (this.paired) {
        const second = new Int32Array(length);
        second.set(this.second.subarray(0, top));
        this.second = second;
      }
    }
    this.first.set(own, top);
    if (this.paired) this.second.set(ownSecond, top);
    this.start[list] = top;
    this.size[list] = own.length;
    this.room[list] = room;
    this.top = top + room;
  }
}
