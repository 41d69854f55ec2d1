/** Secrets and human-friendly codes: device keys, resume codes, personal link codes and receipt references. */
import { toBase64url } from './base64.ts';

/** Crockford's base 32: no I, L, O or U, so codes survive being read aloud and typed on a phone. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const toBase32 = (bytes: Uint8Array, length: number) => {
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let out = '';
  for (let index = 0; index < length; index++) out += ALPHABET[Number((bits >> BigInt(5 * index)) & 31n)];
  return out;
};

export const randomBytes = (count: number) => crypto.getRandomValues(new Uint8Array(count));

/** A 128-bit secret for a device's cookie. */
export const newKey = () => toBase64url(randomBytes(16));

export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Eight characters (40 bits), shown as XXXX-XXXX; guessing is stopped by the rate limit. */
export function newResumeCode(): string {
  const code = toBase32(randomBytes(5), 8);
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Reads a typed code as meant: any case, spaces or dashes, O for 0 and I or L for 1. */
function typedCode(input: string, length: number): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === length && /^[0-9A-HJKMNP-TV-Z]+$/.test(code) ? code : undefined;
}

export const normalizeResumeCode = (input: string) => typedCode(input, 8);

/** Characters in a personal link's code: 28 in base 32 is 140 bits, all random. */
const LINK_CODE_LENGTH = 28;

/**
 * A personal link's code, in seven groups of four (`7K3M-…`), short enough to type from a
 * letter and too many bits to guess: no rate limit is needed to keep it safe.
 */
export const newLinkCode = () => groupLinkCode(toBase32(randomBytes(18), LINK_CODE_LENGTH));

/** A code as shown and linked: groups of four, joined by dashes. */
export const groupLinkCode = (code: string) => code.match(/.{1,4}/g)!.join('-');

/** The code as stored (hashed): upper case, no dashes, from whatever was typed. */
export const normalizeLinkCode = (input: string) => typedCode(input, LINK_CODE_LENGTH);

/** A receipt reference derived from the submission id, so a repeated submit shows the same one. */
export async function referenceFor(submissionId: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(submissionId)));
  const code = toBase32(digest.slice(0, 7), 10);
  return `MV-${code.slice(0, 5)}-${code.slice(5)}`;
}
