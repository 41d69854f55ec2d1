/**
 * Arithmetic modulo a prime below 2^26.5, so that a product of two residues stays an exact
 * double. Elimination over this field is exact: no rounding decides what is in a span.
 */
export const PRIME = 94_906_249;

export const mod = (value: number) => {
  const rest = value % PRIME;
  return rest < 0 ? rest + PRIME : rest;
};

export const mul = (a: number, b: number) => (a * b) % PRIME;

/** The inverse of a non-zero residue (extended Euclid). */
export function inv(value: number): number {
  let [a, b, x, y] = [mod(value), PRIME, 1, 0];
  while (b !== 0) {
    const q = Math.floor(a / b);
    [a, b, x, y] = [b, a - q * b, y, x - q * y];
  }
  return mod(x);
}
