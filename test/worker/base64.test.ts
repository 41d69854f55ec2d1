import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, fromBase64url, toBase64, toBase64url } from '../../worker/core/base64.ts';

describe('base64', () => {
  it('gives back the same bytes, for any length (a megabyte is written in slices)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        expect([...fromBase64(toBase64(bytes))]).toEqual([...bytes]);
        expect([...fromBase64url(toBase64url(bytes))]).toEqual([...bytes]);
      }),
      { numRuns: 30 },
    );
    // Past the slice of 32 KiB the writer works in.
    const large = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 256);
    expect(fromBase64(toBase64(large))).toEqual(large);
  });

  it('writes the standard alphabet, and base64url without +, / or padding', () => {
    const bytes = new Uint8Array([251, 255, 191, 0]);
    expect(toBase64(bytes)).toBe('+/+/AA==');
    expect(toBase64url(bytes)).toBe('-_-_AA');
    expect(toBase64(new Uint8Array([104, 105]).buffer)).toBe(btoa('hi'));
  });
});
