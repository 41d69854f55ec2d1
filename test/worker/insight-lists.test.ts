/**
 * The secondary step's growing lists, all in one buffer: whatever is pushed, cleared or given
 * room, and however often the lists move and the buffer is closed up, each list holds what a
 * plain array would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lists } from '../../worker/features/insight/suppression/lists.ts';

const LISTS = 4;
// Mostly pushes, so that lists fill their room to the last place.
const step = fc.oneof(
  { weight: 12, arbitrary: fc.record({ op: fc.constant('push' as const), list: fc.nat(LISTS - 1), value: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), paired: fc.integer() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reserve' as const), list: fc.nat(LISTS - 1), room: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('clear' as const), list: fc.nat(LISTS - 1) }) },
);

describe('lists in one buffer', () => {
  it('hold what plain arrays hold, through moves and close-ups', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 400 }), fc.integer({ min: 1, max: 16 }), (steps, entries) => {
        // A tiny buffer, so that lists move and the buffer is closed up often.
        const lists = new Lists(LISTS, true, entries);
        const model: [number, number][][] = Array.from({ length: LISTS }, () => []);
        for (const s of steps) {
          if (s.op === 'push') {
            // The pair is written the way the coordinates write it: in the room a reserve made.
            lists.reserve(s.list, lists.size[s.list]! + 1);
            const at = lists.start[s.list]! + lists.size[s.list]!;
            lists.first[at] = s.value;
            lists.second[at] = s.paired | 0;
            lists.size[s.list]!++;
            model[s.list]!.push([s.value, s.paired | 0]);
          } else if (s.op === 'reserve') lists.reserve(s.list, s.room);
          else {
            lists.clear(s.list);
            model[s.list] = [];
          }
          model.forEach((entries, l) => {
            const from = lists.start[l]!;
            const held = [...lists.first.subarray(from, from + lists.size[l]!)].map((value, i) => [value, lists.second[from + i]!]);
            expect(held).toEqual(entries);
          });
        }
        // No two lists share a place.
        const places = Array.from({ length: LISTS }, (_, l) => Array.from({ length: lists.size[l]! }, (_, i) => lists.start[l]! + i)).flat();
        expect(new Set(places).size).toBe(places.length);
      }),
      { numRuns: 300 },
    );
  });

  it('let go at a close-up only of entries no longer wanted', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ list: fc.nat(LISTS - 1), value: fc.nat(1000) }), { maxLength: 400 }), (pushes) => {
        const keep = (_: number, value: number) => value % 3 !== 0;
        const lists = new Lists(LISTS, false, 4, keep);
        const model: number[][] = Array.from({ length: LISTS }, () => []);
        for (const { list, value } of pushes) {
          lists.push(list, value);
          model[list]!.push(value);
        }
        model.forEach((pushed, l) => {
          const held = [...lists.first.subarray(lists.start[l]!, lists.start[l]! + lists.size[l]!)];
          // Every wanted entry, in order, and of the others only some, in their places.
          expect(held.filter((value) => keep(l, value))).toEqual(pushed.filter((value) => keep(l, value)));
          let at = 0;
          expect(held.every((value) => (at = pushed.indexOf(value, at) + 1) > 0)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('push one value at a time into unpaired lists', () => {
    const lists = new Lists(3, false, 2);
    for (let i = 0; i < 100; i++) lists.push(i % 3, i);
    for (let l = 0; l < 3; l++) expect([...lists.first.subarray(lists.start[l]!, lists.start[l]! + lists.size[l]!)]).toEqual(Array.from({ length: 100 }, (_, i) => i).filter((i) => i % 3 === l));
  });
});
