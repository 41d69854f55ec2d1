/**
 * Arithmetic modulo a prime below 2^26.5, so that a product of two residues stays an exact
 * double. Elimination over this field is exact: no rounding decides what is in a span.
 */
export const PRIME = 94_906_249;

export const mod = (value: number) => {
  const rest = value % PRIME;
  return rest < 0 ? rest + PRIME : rest;
};

const INVERSE = 1 / PRIME;

/**
 * a·b mod p for residues, without a floating-point remainder (slow in V8): the quotient taken
 * from a multiplication by 1/p is off by at most one, and p² + p < 2^53 keeps every step exact.
 */
export const mul = (a: number, b: number) => {
  const product = a * b;
  const rest = product - Math.floor(product * INVERSE) * PRIME;
  return rest < 0 ? rest + PRIME : rest >= PRIME ? rest - PRIME : rest;
};

/** The inverse of a non-zero residue (extended Euclid). */
export function inv(value: number): number {
  let [a, b, x, y] = [mod(value), PRIME, 1, 0];
  while (b !== 0) {
    const q = Math.floor(a / b);
    [a, b, x, y] = [b, a - q * b, y, x - q * y];
  }
  return mod(x);
}
