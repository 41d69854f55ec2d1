/** Base64 and base64url (RFC 4648, no padding in base64url) for bytes, as workerd has no Buffer. */

export function toBase64(input: Uint8Array | ArrayBuffer): string {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  // In slices: a spread of a megabyte overflows the argument limit.
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  // A plain loop: Uint8Array.from with a mapping function was a visible share of a journey request.
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const toBase64url = (input: Uint8Array | ArrayBuffer) => toBase64(input).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export const fromBase64url = (text: string) => fromBase64(text.replace(/-/g, '+').replace(/_/g, '/'));
