/** The arithmetic the secondary suppression decides with: exact modulo the prime, edge cases included. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inv, mul, PRIME } from '../../worker/features/insight/suppression/modular.ts';

const residue = fc.oneof(fc.integer({ min: 0, max: PRIME - 1 }), fc.integer({ min: PRIME - 1000, max: PRIME - 1 }), fc.constantFrom(0, 1, 2, PRIME - 2, PRIME - 1));
const exact = (a: number, b: number) => Number((BigInt(a) * BigInt(b)) % BigInt(PRIME));

describe('arithmetic modulo the prime', () => {
  it('multiplies exactly, also for the largest residues', () => {
    fc.assert(fc.property(residue, residue, (a, b) => mul(a, b) === exact(a, b)), { numRuns: 20_000 });
    expect(mul(PRIME - 1, PRIME - 1)).toBe(1);
  });

  it('inverts every non-zero residue', () => {
    fc.assert(fc.property(residue.filter((a) => a !== 0), (a) => mul(a, inv(a)) === 1), { numRuns: 5_000 });
  });
});
